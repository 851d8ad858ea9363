import type { CardReview } from '@/model/review/review-model';
import { cardReviewState, type CardReviewState } from '@/model/review/review-progress';
import type { MoreKey } from '@/model/text/message-keys';
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
