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
});
