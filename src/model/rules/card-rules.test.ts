import { describe, expect, it } from 'vitest';
import type { CreditCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { cardBrand, creditCardRules } from './card-rules';

const today = new Date(Date.UTC(2026, 10, 25));
const card = (patch: Partial<CreditCardResult> = {}) => ({
  ...structuredClone(sample('credit-card.png').result as CreditCardResult),
  ...patch,
});
const outcome = (rules: ReturnType<typeof creditCardRules>, rule: string) => rules.find((r) => r.rule === rule);

describe('credit card rules', () => {
  it('names brands from published test numbers', () => {
    expect(cardBrand('4111111111111111')).toBe('Visa');
    expect(cardBrand('5555555555554444')).toBe('Mastercard');
    expect(cardBrand('2223003122003222')).toBe('Mastercard');
    expect(cardBrand('378282246310005')).toBe('American Express');
    expect(cardBrand('3530111333300000')).toBe('JCB');
    expect(cardBrand('6011111111111117')).toBe('Discover');
    expect(cardBrand('30569309025904')).toBe('Diners Club');
    expect(cardBrand('1234567812345670')).toBeNull();
  });

  it('passes the specimen card', () => {
    const rules = creditCardRules(card(), today);
    expect(rules.filter((r) => r.outcome === 'fail')).toEqual([]);
    expect(outcome(rules, 'brand')?.message.en).toBe('Brand: Visa.');
  });

  it('fails Luhn on a misread digit and points at the check digit', () => {
    const rules = creditCardRules(card({ totalCardNum: '4111111111111112' }), today);
    expect(outcome(rules, 'luhn')).toMatchObject({ outcome: 'fail', fieldId: 'cardNums.3', charIndex: 3 });
  });

  it('points at the first digit where the groups and the full number disagree', () => {
    const rules = creditCardRules(card({ totalCardNum: '4111111181111111' }), today);
    expect(outcome(rules, 'groups-agree')).toMatchObject({ outcome: 'fail', fieldId: 'cardNums.2', charIndex: 0 });
  });

  it('knows a real MM/YY and whether it has passed', () => {
    expect(
      outcome(creditCardRules(card({ validThru: { value: '13/29', conf: 1 } }), today), 'valid-thru-format')?.outcome,
    ).toBe('fail');
    expect(outcome(creditCardRules(card({ validThru: { value: '10/26', conf: 1 } }), today), 'expiry')?.outcome).toBe(
      'fail',
    );
    expect(outcome(creditCardRules(card({ validThru: { value: '11/26', conf: 1 } }), today), 'expiry')?.outcome).toBe(
      'pass',
    );
  });

  it('lists a missing expiry as missing', () => {
    expect(outcome(creditCardRules(card({ validThru: undefined }), today), 'present')?.outcome).toBe('missing');
  });
});
