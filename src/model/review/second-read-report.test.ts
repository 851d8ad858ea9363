import { expect, it } from 'vitest';
import type { IdCardResult } from '@/api';
import { fieldsOf } from '@/model/fields/result-fields';
import { checkedFields, compareBoxReads } from '@/model/second-read/compare-reads';
import type { SecondRead } from '@/model/second-read/second-read-types';
import { sample } from '@/test-support/sandbox-fixture';
import type { CardReview } from './review-model';
import { secondReadReport } from './second-read-report';

const field = (fieldId: string, key: string, differing: number[], device: string | null = '1234') => ({
  fieldId,
  key,
  nhn: '1234',
  device,
  differing,
});

it('counts agreement per field and how far disagreement pointed at values marked wrong', () => {
  const reads = new Map<string, SecondRead>([
    [
      'a',
      {
        status: 'read',
        // cardNums.1 was not made out: neither agreement nor disagreement, whatever its verdict
        fields: [
          field('cardNums.0', 'cardNum', [2]),
          field('cardNums.1', 'cardNum', [], null),
          field('validThru', 'validThru', []),
        ],
      },
    ],
    ['b', { status: 'read', fields: [field('cardNums.0', 'cardNum', []), field('validThru', 'validThru', [0])] }],
    ['c', { status: 'unread', reason: 'not-decoded' }],
    ['d', { status: 'reading' }],
  ]);
  const verdict = (v: 'correct' | 'wrong-value' | 'wrong-box') => ({ verdict: v, key: 'x', conf: 0.9, at: 1 });
  const reviews = new Map<string, CardReview>([
    // a: the flagged group was wrong, the agreeing expiry right
    [
      'a',
      {
        sha256: 'a',
        fields: {
          'cardNums.0': verdict('wrong-value'),
          'cardNums.1': verdict('wrong-value'),
          validThru: verdict('correct'),
        },
      },
    ],
    // b: a wrong value the read agreed with, and a flagged expiry the reviewer found right
    ['b', { sha256: 'b', fields: { 'cardNums.0': verdict('wrong-value'), validThru: verdict('correct') } }],
  ]);
  const report = secondReadReport(reads, reviews);
  expect(report.cards).toBe(2);
  expect(report.byField).toEqual([
    { key: 'cardNum', compared: 2, agreed: 1, rate: 0.5 },
    { key: 'validThru', compared: 2, agreed: 1, rate: 0.5 },
  ]);
  expect(report.verdicts).toEqual({ markedWrong: 2, markedWrongFlagged: 1, flaggedReviewed: 2, flaggedMarkedWrong: 1 });
});

it('gains a row for each Hangul field the second read compared: name, issuer and licence type', () => {
  const licence = sample('id-driver.png').result as IdCardResult;
  const fields = checkedFields(fieldsOf({ kind: 'id-card', result: licence }));
  const device = (changes: Record<string, [string, number]>) =>
    fields.map((f) => {
      const [text, conf] = changes[f.key] ?? [f.value, 0.93];
      return { text, conf };
    });
  const reads = new Map<string, SecondRead>([
    ['a', { status: 'read', fields: compareBoxReads(fields, device({})) }],
    // NHN's name one syllable off what the device read; the issuer too unsure to count
    [
      'b',
      { status: 'read', fields: compareBoxReads(fields, device({ name: ['김견분', 0.93], issuer: ['경찰', 0.4] })) },
    ],
  ]);
  const rows = secondReadReport(reads, new Map()).byField.filter((f) =>
    ['issuer', 'licenseType', 'name'].includes(f.key),
  );
  expect(rows).toEqual([
    { key: 'issuer', compared: 1, agreed: 1, rate: 1 },
    { key: 'licenseType', compared: 2, agreed: 2, rate: 1 },
    { key: 'name', compared: 2, agreed: 1, rate: 0.5 },
  ]);
});
