import { describe, expect, it } from 'vitest';
import * as store from './review-store';

const sha = (c: string) => c.repeat(64);
const good = {
  sha256: sha('a'),
  file: 'credit-card.png',
  fields: { 'cardNums.0': { verdict: 'correct', key: 'cardNum', conf: 0.99, at: 1, correction: undefined } },
  card: { verdict: 'accepted', at: 2 },
};

describe('reviews loaded from IndexedDB', () => {
  it('keep what validates and drop the rest, so a bad record is never rendered', () => {
    const stored: [IDBValidKey, unknown][] = [
      [sha('a'), good],
      [sha('b'), { ...good, sha256: sha('b'), fields: { 'cardNums.0': null } }],
      [sha('c'), { ...good, sha256: sha('c'), fields: 'x' }],
      [sha('d'), { ...good, sha256: sha('d'), fields: { f: { ...good.fields['cardNums.0'], conf: '0.9' } } }],
      [sha('e'), { ...good, sha256: sha('e'), card: { verdict: 'maybe', at: 1 } }],
      [sha('f'), good], // stored under another card's hash than its own
      [sha('0'), null],
      [sha('1'), 'text'],
    ];
    expect(store.validStoredReviews(stored)).toEqual([good]);
  });
});
