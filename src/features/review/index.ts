export { loadReviewScreens, loadedReviewScreens } from './load-review-screens';
