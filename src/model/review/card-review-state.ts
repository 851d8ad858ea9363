import type { CardReview } from './review-model';

// A card counts as reviewed once it is accepted or rejected: judging its fields is the work, the card's
// verdict is the reviewer saying it is done. Apart from the rest of the review's progress, since the
// first screen's queue marks cards with it.

/** A card's review as the queue and the table mark it. */
export type CardReviewState = 'none' | 'started' | 'accepted' | 'rejected';

export function cardReviewState(review: CardReview | undefined): CardReviewState {
  if (review?.card) return review.card.verdict;
  return review && Object.keys(review.fields).length > 0 ? 'started' : 'none';
}
