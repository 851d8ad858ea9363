import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { fieldsOf, isBelow } from './result-fields';

describe('fields of a result', () => {
  it('lists card number groups, the full number and the expiry, masked by default', () => {
    const fields = fieldsOf({ kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult });
    expect(fields.map((f) => f.id)).toEqual([
      'cardNums.0',
      'cardNums.1',
      'cardNums.2',
      'cardNums.3',
      'totalCardNum',
      'validThru',
    ]);
    expect(fields.map((f) => f.maskedValue).slice(0, 5)).toEqual(['4111', '11••', '••••', '1111', '411111••••••1111']);
    expect(fields[4].quad).toBeNull();
    expect(fields[5].maskedValue).toBe('09/29');
  });

  it("puts ID fields in the guide's order whatever order they arrive in", () => {
    const result = structuredClone(sample('id-driver.png').result as IdCardResult);
    result.keyValues.reverse();
    expect(fieldsOf({ kind: 'id-card', result }).map((f) => f.key)).toEqual([
      'driverLicenseNumber',
      'licenseType',
      'name',
      'residentNumber',
      'condition',
      'serialNum',
      'issueDate',
      'issuer',
    ]);
  });

  it('flags fields under the threshold, never the ones without a confidence', () => {
    const fields = fieldsOf({ kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult });
    expect(fields.filter((f) => isBelow(f, 0.8)).map((f) => f.id)).toEqual(['cardNums.3']);
  });
});
