import { loadReviewScreens } from '@/features/review';

/**
 * The viewer itself, Konva behind it, and the review bar it shows: no card is on the first screen, so
 * they load when one is shown.
 */
export const loadViewer = () =>
  Promise.all([import('./viewer-screen'), loadReviewScreens()]).then(([viewer]) => viewer);
