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
