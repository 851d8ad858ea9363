import type * as ReviewScreensModule from './review-screens';

type ReviewScreens = typeof ReviewScreensModule;
let screens: ReviewScreens | null = null;
/** The report, and the session's export and import: loaded when first shown. */
export const loadReviewScreens = () => import('./review-screens').then((loaded) => (screens = loaded));
/** The same once loaded, else null. */
export const loadedReviewScreens = (): ReviewScreens | null => screens;
