export { ReviewProvider, useReviews } from './review-context';
export type { CardReview, CardVerdict, FieldVerdict } from './review-model';
export { loadReviewScreens, loadedReviewScreens } from './load-review-screens';
