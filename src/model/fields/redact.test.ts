import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { redactResult } from './redact';

describe('redacted exports', () => {
  it('contain no full card number, and leave the source untouched', () => {
    const result = sample('credit-card.png').result as CreditCardResult;
    const text = JSON.stringify(redactResult({ kind: 'credit-card', result }));
    expect(text).not.toContain('4111111111111111');
    expect(text).toContain('411111••••••1111');
    expect(result.totalCardNum).toBe('4111111111111111');
  });

  it('contain no full resident, licence, passport or MRZ value', () => {
    for (const file of ['id-resident.png', 'id-driver.png', 'id-passport.png']) {
      const result = sample(file).result as IdCardResult;
      const text = JSON.stringify(redactResult({ kind: 'id-card', result }));
      for (const kv of result.keyValues) {
        if (['residentNumber', 'driverLicenseNumber', 'passportNo', 'personalNo', 'MRZ2'].includes(kv.key))
          expect(text).not.toContain(kv.value);
      }
    }
  });

  it('show no more of a card number with a misread group than its first 6 and last 4 places', () => {
    const result = structuredClone(sample('credit-card.png').result as CreditCardResult);
    result.cardNums = ['4111', '1111', '1234', 'OOOO'].map((value) => ({ value, conf: 0.9 }));
    result.totalCardNum = '411111111234OOOO';
    const redacted = redactResult({ kind: 'credit-card', result }) as CreditCardResult;
    expect(redacted.cardNums.map((c) => c.value)).toEqual(['4111', '11••', '••••', '••••']);
    expect(redacted.totalCardNum).toBe('411111••••••••••');
  });
});
