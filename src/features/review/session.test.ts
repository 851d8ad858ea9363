import { describe, expect, it } from 'vitest';
import type { CreditCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { buildSession, importedOutcome, parseSession } from './session';

const outcome = {
  kind: 'credit-card' as const,
  result: sample('credit-card.png').result as CreditCardResult,
  timings: { prepareMs: 1, encryptMs: 1, requestMs: 1, decryptMs: 1, totalMs: 4 },
  keyVersion: '0',
};
const sha256 = sample('credit-card.png').sha256;
const review = {
  sha256,
  file: 'credit-card.png',
  fields: { 'cardNums.3': { verdict: 'wrong-value' as const, key: 'cardNum', conf: 0.72, correction: '1112', at: 5 } },
};

describe('sessions', () => {
  it('round-trip results and verdicts', () => {
    const session = parseSession(buildSession([{ file: 'credit-card.png', sha256, outcome, review }], false));
    expect(session.cards[0]).toMatchObject({ file: 'credit-card.png', sha256, analysis: 'credit-card', review });
    expect(importedOutcome(session.cards[0])).toMatchObject({
      kind: 'credit-card',
      result: outcome.result,
      keyVersion: 'imported',
    });
  });

  it('leave out full numbers and corrections when redacted', () => {
    const text = buildSession([{ file: 'credit-card.png', sha256, outcome, review }], true);
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('1112');
    expect(parseSession(text).cards[0].review?.fields['cardNums.3'].verdict).toBe('wrong-value');
  });

  it('refuse what is not a session', () => {
    expect(() => parseSession('{"kind":"other"}')).toThrow('not a Cardlens session');
    expect(() => parseSession('nope')).toThrow('not JSON');
  });
});
