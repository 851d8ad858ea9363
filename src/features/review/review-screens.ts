// The review's chunk, loaded through index.ts: what the first screen does not show.
export { ReportView } from './report-view';
export { ReviewBar } from './review-bar';
export { SessionControls } from './session-controls';
