export { ReportView } from './report-view';
export { ReviewBar } from './review-bar';
export { ReviewProvider, useReviews } from './review-context';
export type { CardReview, CardVerdict, FieldVerdict } from './review-model';
export { SessionControls } from './session-controls';
