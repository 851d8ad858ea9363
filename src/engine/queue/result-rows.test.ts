import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { summarise } from '@/model/card-view/card-view';
import { filterRows, sortRows } from './result-rows';
import type { Row } from './table-view';

const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };

describe('result rows', () => {
  const today = new Date(Date.UTC(2026, 10, 25));
  const credit = summarise(
    { kind: 'credit-card', result: sample('credit-card.png').result as CreditCardResult, timings, keyVersion: '0' },
    today,
  );
  const lowRes = summarise(
    {
      kind: 'credit-card',
      result: sample('credit-card-low-res.png').result as CreditCardResult,
      timings,
      keyVersion: '0',
    },
    today,
  );
  const resident = summarise(
    { kind: 'id-card-stand-alone', result: sample('id-resident.png').result as IdCardResult, timings, keyVersion: '0' },
    today,
  );

  it('summarise fields, the lowest confidence and rule failures', () => {
    expect(credit).toEqual({ idType: null, fieldCount: 6, lowestConf: 0.72, ruleFailures: 0, disagrees: false });
    expect(lowRes.ruleFailures).toBe(1);
    expect(resident).toMatchObject({ idType: 'resident', fieldCount: 4, lowestConf: 0.74 });
  });

  const rows: Row[] = [
    { id: 'a', order: 0, file: 'b.png', service: 'credit-card', status: 'done', summary: credit },
    { id: 'b', order: 1, file: 'a.png', service: 'credit-card', status: 'done', summary: lowRes },
    { id: 'c', order: 2, file: 'c.png', service: 'id-card', status: 'failed' },
    {
      id: 'd',
      order: 3,
      file: 'd.png',
      service: 'id-card',
      status: 'done',
      summary: { ...resident, lowestConf: 0.95 },
    },
  ];

  it('filter by threshold, rule failure and failure', () => {
    expect(filterRows(rows, 'below-threshold', 0.8).map((r) => r.id)).toEqual(['a', 'b']);
    expect(filterRows(rows, 'rule-failure', 0.8).map((r) => r.id)).toEqual(['b']);
    expect(filterRows(rows, 'failed', 0.8).map((r) => r.id)).toEqual(['c']);
  });

  it('sort by any column, stable on drop order', () => {
    expect(sortRows(rows, 'file', false).map((r) => r.id)).toEqual(['b', 'a', 'c', 'd']);
    expect(sortRows(rows, 'lowest', false).map((r) => r.id)).toEqual(['b', 'a', 'd', 'c']);
    expect(sortRows(rows, 'rules', true).map((r) => r.id)[0]).toBe('b');
  });
});
