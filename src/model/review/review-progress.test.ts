import { describe, expect, it } from 'vitest';
import type { CreditCardResult, ImageQuad } from '@/api';
import { MASK } from '@/model/fields/masking';
import { fieldsOf, shownValue } from '@/model/fields/result-fields';
import type { CardReview } from './review-model';
import { afterVerdict, batchReview, fieldsLeft, nextWhere, stepField } from './review-progress';
import { cardReviewState } from './card-review-state';
import { correctionDraft, stillMasked } from './correction-draft';

const box = { x1: 0, y1: 0, x2: 40, y2: 0, x3: 40, y3: 10, x4: 0, y4: 10 } as ImageQuad;
const credit: CreditCardResult = {
  fileType: 'png',
  resolution: 'normal',
  cardNums: ['4111', '1111', '1111', '1112'].map((value) => ({ value, conf: 0.99 })),
  totalCardNum: '4111111111111112',
  cardNumBoxes: [box, box, box, box],
  validThru: { value: '09/29', conf: 0.99 },
  validThruBox: box,
};
const fields = fieldsOf({ kind: 'credit-card', result: credit });
const ids = fields.map((f) => f.id);
const field = (id: string) => fields.find((f) => f.id === id)!;

const review = (verdicts: string[], card?: 'accepted' | 'rejected'): CardReview => ({
  sha256: 'a'.repeat(64),
  fields: Object.fromEntries(verdicts.map((id) => [id, { verdict: 'correct', key: 'cardNum', conf: 0.9, at: 1 }])),
  ...(card ? { card: { verdict: card, at: 2 } } : {}),
});

describe('moving through a card’s fields', () => {
  it('moves on to the next field after a verdict, so a field costs one key; the last one stays', () => {
    expect(ids).toEqual(['cardNums.0', 'cardNums.1', 'cardNums.2', 'cardNums.3', 'totalCardNum', 'validThru']);
    expect(afterVerdict(ids, 'cardNums.0')).toBe('cardNums.1');
    expect(afterVerdict(ids, 'totalCardNum')).toBe('validThru');
    expect(afterVerdict(ids, 'validThru')).toBe('validThru');
    expect(afterVerdict(ids, null)).toBeNull();
  });

  it('steps as J and K do: from nothing to the first, held at either end', () => {
    expect(stepField(ids, null, 1)).toBe('cardNums.0');
    expect(stepField(ids, null, -1)).toBe('cardNums.0');
    expect(stepField(ids, 'validThru', 1)).toBe('validThru');
    expect(stepField(ids, 'cardNums.0', -1)).toBe('cardNums.0');
    expect(stepField([], null, 1)).toBeNull();
  });

  it('finds the next wanted field going round, as N does', () => {
    expect(nextWhere(ids, 'cardNums.3', (id) => id.startsWith('cardNums'))).toBe('cardNums.0');
    expect(nextWhere(ids, null, (id) => id === 'validThru')).toBe('validThru');
    expect(nextWhere(ids, 'cardNums.0', () => false)).toBeNull();
  });
});

describe('the review’s progress', () => {
  it('counts the fields left on a card, in its order', () => {
    expect(fieldsLeft(ids, undefined)).toEqual(ids);
    expect(fieldsLeft(ids, review(['cardNums.0', 'validThru']))).toEqual([
      'cardNums.1',
      'cardNums.2',
      'cardNums.3',
      'totalCardNum',
    ]);
  });

  it('marks a card started once a field is judged, and reviewed once it is accepted or rejected', () => {
    expect(cardReviewState(undefined)).toBe('none');
    expect(cardReviewState(review([]))).toBe('none');
    expect(cardReviewState(review(['cardNums.0']))).toBe('started');
    expect(cardReviewState(review(ids))).toBe('started'); // every field judged, not yet signed off
    expect(cardReviewState(review([], 'accepted'))).toBe('accepted');
    expect(cardReviewState(review(['cardNums.0'], 'rejected'))).toBe('rejected');
  });

  it('says the batch is reviewed when every card with a result is accepted or rejected, an image twice counting once', () => {
    const one = { sha256: '1'.repeat(64) };
    const two = { sha256: '2'.repeat(64) };
    const reviews = new Map<string, CardReview>([[one.sha256, { ...review([], 'accepted'), sha256: one.sha256 }]]);
    expect(batchReview([], reviews)).toEqual({ cards: 0, accepted: 0, rejected: 0, complete: false });
    expect(batchReview([one, two], reviews)).toEqual({ cards: 2, accepted: 1, rejected: 0, complete: false });
    reviews.set(two.sha256, { ...review(['cardNums.0'], 'rejected'), sha256: two.sha256 });
    expect(batchReview([one, two, one], reviews)).toEqual({ cards: 2, accepted: 1, rejected: 1, complete: true });
  });
});

describe('the correction box under masking', () => {
  const middle = field('cardNums.2'); // masked: no digit of it shows
  const first = field('cardNums.0'); // the first digits show in clear

  it('starts from the value itself when values are shown, or from the correction made before', () => {
    expect(correctionDraft(middle, 'clear', undefined)).toBe('1111');
    expect(correctionDraft(middle, 'clear', '1117')).toBe('1117');
  });

  it('starts from the masked text when values are masked: neither the value nor an earlier correction is revealed', () => {
    const draft = correctionDraft(middle, 'masked', '1117');
    expect(draft).toBe(shownValue(middle, 'masked'));
    expect(draft).toBe(MASK.repeat(4));
    expect(draft).not.toContain('1');
    // A part the mask shows anyway starts as the value: there is nothing to hide.
    expect(correctionDraft(first, 'masked', undefined)).toBe('4111');
  });

  it('does not take a correction that still holds a mask character: it cannot be the value', () => {
    expect(stillMasked(MASK.repeat(4))).toBe(true);
    expect(stillMasked(`11${MASK}1`)).toBe(true);
    expect(stillMasked('1117')).toBe(false);
  });
});
