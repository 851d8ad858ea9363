import { expect, it } from 'vitest';
import { sample } from '@/test-support/sandbox-fixture';
import { checkFaults, withAlteredDigit } from './faults';

it('alters one digit of a card-number group, keeps the total in step, and leaves the specimen untouched', () => {
  const card = sample('credit-card.png');
  const before = JSON.stringify(card);
  const altered = withAlteredDigit(card, { field: 'cardNums.1', at: 2 });
  const result = altered.result as { cardNums: { value: string }[]; totalCardNum: string };
  expect(result.cardNums.map((c) => c.value)).toEqual(['4111', '1121', '1111', '1111']);
  expect(result.totalCardNum).toBe('4111112111111111');
  expect(JSON.stringify(card)).toBe(before);
});

it('alters the expiry and an ID field by key, counting digits only', () => {
  const card = withAlteredDigit(sample('credit-card.png'), { field: 'validThru', at: 2 });
  expect((card.result as { validThru: { value: string } }).validThru.value).toBe('09/39');
  const id = withAlteredDigit(sample('id-resident.png'), { field: 'residentNumber', at: 12 });
  const resident = (id.result as { keyValues: { key: string; value: string }[] }).keyValues.find(
    (kv) => kv.key === 'residentNumber',
  );
  expect(resident?.value).toBe('900101-1234569');
});

it('refuses an alterDigit that could not alter anything, naming what is wrong', () => {
  expect(() => checkFaults({ alterDigit: { field: 'cardNums.1', at: -1 } })).toThrow(/alterDigit\.at/);
  expect(() => checkFaults({ alterDigit: { field: 'cardNums.1', at: 1.5 } })).toThrow(/alterDigit\.at/);
  expect(() => checkFaults({ alterDigit: { field: '__proto__.x', at: 0 } })).toThrow(/alterDigit\.field/);
  expect(() => checkFaults({ alterDigit: null as never })).toThrow(/alterDigit\.field/);
  expect(checkFaults({ alterDigit: { field: 'validThru', at: 3 } })).toEqual({
    alterDigit: { field: 'validThru', at: 3 },
  });
});

it('alters one syllable of a Korean field to a look-alike, counting syllables only', () => {
  const value = (card: { result: object }, key: string) =>
    (card.result as { keyValues: { key: string; value: string }[] }).keyValues.find((kv) => kv.key === key)?.value;
  const resident = sample('id-resident.png');
  expect(value(resident, 'name')).toBe('홍길동');
  expect(value(withAlteredDigit(resident, { field: 'name', at: 1 }), 'name')).toBe('홍글동');
  expect(value(withAlteredDigit(resident, { field: 'name', at: 0 }), 'name')).toBe('훙길동');
  // Spaces take no place; the syllable after them is counted on.
  expect(value(withAlteredDigit(resident, { field: 'issuer', at: 5 }), 'issuer')).toBe('서울특별시 중로구청장');
  // A licence type's class digit is no syllable: the count skips it.
  const licence = sample('id-driver.png');
  expect(value(withAlteredDigit(licence, { field: 'licenseType', at: 1 }), 'licenseType')).toBe('1종부통');
  expect(value(withAlteredDigit(resident, { field: 'name', at: 3 }), 'name')).toBe('홍길동');
  expect(value(resident, 'name')).toBe('홍길동');
});

it('misreads every syllable as another syllable', () => {
  const all = Array.from({ length: 0xd7a4 - 0xac00 }, (_, i) => String.fromCharCode(0xac00 + i));
  const misread = all.map((s) =>
    withAlteredDigit({ result: { keyValues: [{ key: 'name', value: s }] } }, { field: 'name', at: 0 }),
  );
  misread.forEach((card, i) => {
    const got = (card.result as { keyValues: { value: string }[] }).keyValues[0].value;
    expect(got).toMatch(/^[\uac00-\ud7a3]$/);
    expect(got).not.toBe(all[i]);
  });
});
