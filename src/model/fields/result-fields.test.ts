import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { fieldsOf, isBelow, showsInClear, shownReading, shownValue, type ValueView } from './result-fields';

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

  it('masks each group as the whole number is masked, a letter or a full-width digit among them', () => {
    const result = structuredClone(sample('credit-card.png').result as CreditCardResult);
    result.cardNums = ['4111', '1111', '1234', 'OOOO'].map((value) => ({ value, conf: 0.9 }));
    expect(
      fieldsOf({ kind: 'credit-card', result })
        .map((f) => f.maskedValue)
        .slice(0, 4),
    ).toEqual(['4111', '11••', '••••', '••••']);
    result.cardNums = ['４１１１', '１１１１', '９９９９', '１２３４'].map((value) => ({ value, conf: 0.9 }));
    expect(
      fieldsOf({ kind: 'credit-card', result })
        .map((f) => f.maskedValue)
        .slice(0, 4),
    ).toEqual(['４１１１', '１１••', '••••', '１２３４']);
  });

  it('shows an audience the dates and the masked card number, and hides every other value whole, a name too', () => {
    const resident = fieldsOf({ kind: 'id-card', result: sample('id-resident.png').result as IdCardResult });
    const as = (view: ValueView) => Object.fromEntries(resident.map((f) => [f.key, shownValue(f, view)]));
    const name = resident.find((f) => f.key === 'name')!.value;
    expect(as('clear').name).toBe(name);
    expect(as('masked').name).toBe(name); // a name is no number to mask
    expect(as('audience').name).toBe('•'.repeat([...name].length));
    expect(as('audience').residentNumber).toMatch(/^[•-]+$/);
    expect(as('audience').issueDate).toBe(as('clear').issueDate);
    const card = fieldsOf({ kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult });
    expect(card.map((f) => shownValue(f, 'audience'))).toEqual(card.map((f) => f.maskedValue));
  });

  it("masks the device's reading beside a value by the value's own rule, and hides it from an audience", () => {
    const resident = fieldsOf({ kind: 'id-card', result: sample('id-resident.png').result as IdCardResult });
    const of = (key: string) => resident.find((f) => f.key === key)!;
    const seen = (key: string, text: string) =>
      (['clear', 'masked', 'audience'] as const).map((view) => shownReading(of(key), text, view));
    expect(seen('residentNumber', '900101-1234558')).toEqual(['900101-1234558', '900101-1••••••', '••••••-•••••••']);
    expect(seen('name', '홍길동')).toEqual(['홍길동', '홍길동', '•••']);
    expect(seen('issueDate', '2020.1.2.')).toEqual(['2020.1.2.', '2020.1.2.', '2020.1.2.']);
    // A card-number group shows no place its own value hides.
    const card = fieldsOf({ kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult });
    expect(shownReading(card[1], '1911', 'masked')).toBe('19••');
    expect(shownReading(card[1], '1911', 'audience')).toBe('19••');
    expect(shownReading(card[2], '1911', 'masked')).toBe('••••');
    expect(shownReading(card[0], '4171', 'masked')).toBe('4171');
  });

  it('masks whole a device reading of another length, which may sit shifted against the value', () => {
    const resident = fieldsOf({ kind: 'id-card', result: sample('id-resident.png').result as IdCardResult });
    const number = resident.find((f) => f.key === 'residentNumber')!;
    // One digit more: its 8th place, hidden in the value, would show.
    expect(shownReading(number, '900101-12345678', 'masked')).toBe('••••••-••••••••');
    const card = fieldsOf({ kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult });
    // A group read a digit short: its second place is the value's hidden third.
    expect(shownReading(card[1], '191', 'masked')).toBe('•••');
    expect(shownReading(card[1], '11911', 'masked')).toBe('•••••');
  });

  it('lets a picture show only dates and the card-number groups the mask shows whole', () => {
    const card = fieldsOf({ kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult });
    expect(card.filter(showsInClear).map((f) => f.id)).toEqual(['cardNums.0', 'cardNums.3', 'validThru']);
    const resident = fieldsOf({ kind: 'id-card', result: sample('id-resident.png').result as IdCardResult });
    expect(resident.filter(showsInClear).map((f) => f.key)).toEqual(['issueDate']);
    const passport = fieldsOf({ kind: 'id-card', result: sample('id-passport.png').result as IdCardResult });
    expect(passport.filter(showsInClear).map((f) => f.key)).toEqual([
      'dateOfIssue',
      'dateOfIssueYMD',
      'dateOfExpiry',
      'dateOfExpiryYMD',
    ]);
  });
});

describe('a value holding hidden characters', () => {
  it('enters the view without them, and is masked by the characters a person sees', () => {
    const result = structuredClone(sample('credit-card.png').result as CreditCardResult);
    // An override that would draw "1111" as a group's reversal, and zero-width spaces that would
    // shift the mask's count by one character each.
    result.cardNums[1].value = '\u202e1111';
    result.totalCardNum = '4111\u200b1111\u200b1111\u200b1111';
    const fields = fieldsOf({ kind: 'credit-card', result });
    expect(fields[1]).toMatchObject({ value: '1111', maskedValue: '11••', hidden: [{ code: 0x202e, after: 0 }] });
    expect(fields[4]).toMatchObject({ value: '4111111111111111', maskedValue: '411111••••••1111' });
    expect(fields[4].hidden?.map((h) => h.after)).toEqual([4, 8, 12]);
    expect(fields[0].hidden).toBeUndefined();
  });

  it('of an ID card, a resident number keeps its last six digits hidden', () => {
    const result = structuredClone(sample('id-resident.png').result as IdCardResult);
    const resident = result.keyValues.find((kv) => kv.key === 'residentNumber')!;
    resident.value = '900101-12345\u2066\u200d68';
    const field = fieldsOf({ kind: 'id-card', result }).find((f) => f.key === 'residentNumber')!;
    expect(field.value).toBe('900101-1234568');
    expect(field.maskedValue).toBe('900101-1••••••');
  });
});
