import { describe, expect, it } from 'vitest';
import {
  accuracyByField,
  atThreshold,
  overallAccuracy,
  reliability,
  reviewerThroughput,
  thresholdWhatIf,
  type ReviewedField,
} from './review-model';

// A hand-counted set: 6 fields, 2 wrong values, 1 wrong box (right value).
const fields: ReviewedField[] = [
  { key: 'cardNum', conf: 0.99, verdict: 'correct' },
  { key: 'cardNum', conf: 0.95, verdict: 'correct' },
  { key: 'cardNum', conf: 0.72, verdict: 'wrong-value' },
  { key: 'validThru', conf: 0.91, verdict: 'wrong-box' },
  { key: 'name', conf: 0.55, verdict: 'wrong-value' },
  { key: 'name', conf: 0.85, verdict: 'correct' },
];

describe('the review report', () => {
  it('gives value and box accuracy apart per field name: a wrong box keeps a right value, not a right box', () => {
    expect(accuracyByField(fields)).toEqual([
      { key: 'cardNum', reviewed: 3, rightValue: 2, wrongBox: 0, valueAccuracy: 2 / 3, boxAccuracy: 1 },
      { key: 'name', reviewed: 2, rightValue: 1, wrongBox: 0, valueAccuracy: 0.5, boxAccuracy: 1 },
      { key: 'validThru', reviewed: 1, rightValue: 1, wrongBox: 1, valueAccuracy: 1, boxAccuracy: 0 },
    ]);
  });

  it('shows a wrong box in box accuracy where value accuracy stays whole (12 right, 1 wrong box)', () => {
    const twelve: ReviewedField[] = [
      ...Array.from({ length: 12 }, () => ({ key: 'cardNum', conf: 0.9, verdict: 'correct' as const })),
      { key: 'cardNum', conf: 0.9, verdict: 'wrong-box' },
    ];
    const [row] = accuracyByField(twelve);
    expect([row.valueAccuracy, row.boxAccuracy]).toEqual([1, 12 / 13]);
    expect(overallAccuracy(fields)).toEqual({
      key: '',
      reviewed: 6,
      rightValue: 4,
      wrongBox: 1,
      valueAccuracy: 4 / 6,
      boxAccuracy: 5 / 6,
    });
    expect(overallAccuracy([])).toBeNull();
  });

  it('tells the fields reviewed from the scored ones a threshold can send to review', () => {
    const mixed: ReviewedField[] = [...fields, { key: 'name', conf: null, verdict: 'correct' }];
    expect(atThreshold(mixed, 0.8)).toEqual({
      threshold: 0.8,
      reviewed: 7,
      scored: 6,
      unscored: 1,
      toReview: 2,
      rest: 4,
      accuracyOfRest: 1,
    });
    expect(atThreshold(mixed, 0)).toMatchObject({ toReview: 0, rest: 6, accuracyOfRest: 4 / 6 });
  });

  it('bins accuracy against confidence', () => {
    const bins = reliability(fields, 5);
    expect(bins.map((b) => b.count)).toEqual([0, 0, 1, 1, 4]);
    expect(bins[2]).toMatchObject({ from: 0.4, to: 0.6, accuracy: 0 });
    expect(bins[4].accuracy).toBe(1);
    expect(bins[4].meanConf).toBeCloseTo((0.99 + 0.95 + 0.91 + 0.85) / 4);
  });

  it('answers the threshold what-if', () => {
    const at = (t: number) => thresholdWhatIf(fields, 20).find((p) => Math.abs(p.threshold - t) < 1e-9)!;
    expect(at(0)).toEqual({ threshold: 0, toReview: 0, accuracyOfRest: 4 / 6 });
    expect(at(0.8)).toEqual({ threshold: 0.8, toReview: 2, accuracyOfRest: 1 });
    expect(at(1)).toEqual({ threshold: 1, toReview: 6, accuracyOfRest: null });
  });

  it('measures reviewer pace from the verdict times', () => {
    const t = reviewerThroughput([
      {
        sha256: 'a',
        fields: {
          f1: { verdict: 'correct', key: 'name', conf: 0.9, at: 0 },
          f2: { verdict: 'correct', key: 'name', conf: 0.9, at: 30_000 },
        },
      },
      {
        sha256: 'b',
        fields: { f1: { verdict: 'wrong-box', key: 'name', conf: 0.9, at: 60_000 } },
        card: { verdict: 'accepted', at: 120_000 },
      },
    ]);
    expect(t).toEqual({ cards: 2, fields: 3, minutes: 2, cardsPerMinute: 1, fieldsPerMinute: 1.5 });
  });
});
