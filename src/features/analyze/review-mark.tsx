import type { CardReview } from '@/model/review/review-model';
import { cardReviewState, type CardReviewState } from '@/model/review/card-review-state';
import type { MoreKey } from '@/model/text/message-keys';
import { useCardlensState } from '@/ui/cardlens';
import { useI18n } from '@/ui/i18n';

const MARK: Record<Exclude<CardReviewState, 'none'>, MoreKey> = {
  started: 'reviewMarkStarted',
  accepted: 'reviewMarkAccepted',
  rejected: 'reviewMarkRejected',
};

/** How far a card's review has gone, as the queue and the batch table both mark it; nothing before it starts. */
export function ReviewMark({ review }: { review: CardReview | undefined }) {
  const { t } = useI18n();
  const state = cardReviewState(review);
  if (state === 'none') return null;
  return <span className={`badge review-mark review-${state}`}>{t(MARK[state])}</span>;
}

/** The mark for the card of this image, read from the reviews by itself: a verdict redraws the mark, not the list. */
export function StoredReviewMark({ sha256 }: { sha256: string }) {
  return <ReviewMark review={useCardlensState((s) => s.reviews.get(sha256))} />;
}
