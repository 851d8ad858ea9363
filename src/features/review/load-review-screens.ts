import type * as ReviewScreensModule from './review-screens';

type ReviewScreens = typeof ReviewScreensModule;
let screens: ReviewScreens | null = null;
/** The report, the session's export and import, and the bar a card is reviewed with: loaded when first shown. */
export const loadReviewScreens = () => import('./review-screens').then((loaded) => (screens = loaded));
/** The same once loaded, else null. The viewer loads them with its own code, so a card always has its bar. */
export const loadedReviewScreens = (): ReviewScreens | null => screens;
