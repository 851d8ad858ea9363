export { ReviewProvider, useReviews } from './review-context';
export type { CardReview, CardVerdict, FieldVerdict } from './review-model';
/** The report, the session's export and import, and the bar a card is reviewed with: loaded when first shown. */
export const loadReviewScreens = () => import('./review-screens');
