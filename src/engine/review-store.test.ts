import { describe, expect, it } from 'vitest';
import type { CardReview } from '@/model/review/review-model';
import * as store from './review-store';

const sha = (c: string) => c.repeat(64);
const good = {
  sha256: sha('a'),
  fields: { 'cardNums.0': { verdict: 'correct', key: 'cardNum', conf: 0.99, at: 1, correction: undefined } },
  card: { verdict: 'accepted', at: 2 },
};
const corrected: CardReview = {
  sha256: sha('c'),
  fields: { 'cardNums.3': { verdict: 'wrong-value', key: 'cardNum', conf: 0.72, correction: '1112', at: 5 } },
};

/** IndexedDB's store as a Map, recording every call that writes. */
function fakeBackend(initial: [IDBValidKey, unknown][] = []) {
  const records = new Map<IDBValidKey, unknown>(initial);
  const writes: string[] = [];
  const backend: store.ReviewBackend = {
    entries: () => Promise.resolve([...records]),
    setMany: (items) => {
      writes.push(`set ${items.map(([key]) => (key as string).slice(0, 1)).join(',')}`);
      items.forEach(([key, value]) => records.set(key, structuredClone(value)));
      return Promise.resolve();
    },
    clear: () => {
      writes.push('clear');
      records.clear();
      return Promise.resolve();
    },
  };
  return { backend, records, writes };
}

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

describe('what reaches IndexedDB', () => {
  it('is nothing while reviews are not kept: what an older version wrote unasked is deleted on opening', async () => {
    const { backend, records, writes } = fakeBackend([[sha('a'), { ...good, file: '김철수 카드.png' }]]);
    expect(await store.openReviews(false, backend)).toEqual([]);
    expect(records.size).toBe(0);
    expect(writes).toEqual(['clear']);
  });

  it('is the whole review, correction included, while they are kept, and never a file name', async () => {
    const { backend, records, writes } = fakeBackend([
      [sha('a'), { ...good, file: '김철수 카드.png' }],
      [corrected.sha256, corrected],
    ]);
    const opened = await store.openReviews(true, backend);
    expect(opened).toEqual([good, corrected]);
    // The older record is written back without its file name; the clean one is left alone.
    expect(writes).toEqual(['set a']);
    expect(JSON.stringify([...records.values()])).not.toContain('김철수');
    await store.keepReviews([{ ...corrected, card: { verdict: 'rejected', at: 9 } }], backend);
    expect(records.get(corrected.sha256)).toEqual({ ...corrected, card: { verdict: 'rejected', at: 9 } });
  });

  it('is deleted, every review of it, when the reviewer stops keeping them', async () => {
    const { backend, records } = fakeBackend([[corrected.sha256, corrected]]);
    await store.forgetReviews(backend);
    expect(records.size).toBe(0);
  });

  it('fails quietly where IndexedDB cannot be used, as in private browsing', async () => {
    const broken: store.ReviewBackend = {
      entries: () => Promise.reject(new Error('unavailable')),
      setMany: () => Promise.reject(new Error('unavailable')),
      clear: () => Promise.reject(new Error('unavailable')),
    };
    expect(await store.openReviews(true, broken)).toEqual([]);
    expect(await store.openReviews(false, broken)).toEqual([]);
    await expect(store.keepReviews([corrected], broken)).resolves.toBeUndefined();
    await expect(store.forgetReviews(broken)).resolves.toBeUndefined();
  });
});
