// The review's chunk, loaded through index.ts: what the first screen does not show.
export { ReportView } from './report-view';
export { SessionControls } from './session-controls';
export { SessionImportNotice } from './session-import-notice';
export { importSession } from './session-import-store';
