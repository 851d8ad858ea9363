import { expect, it } from 'vitest';
import type { SecondRead } from '@/model/second-read/second-read-types';
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
