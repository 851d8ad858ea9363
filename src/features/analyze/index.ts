export { ConnectionChangePrompt } from './connection-change-prompt';
export { DropZone, usePageDrop } from './drop-zone';
export { preflight, type PreflightPassed } from './preflight';
export { inProgress, unsaved, type ImageMeta, type ItemStatus, type QueueItem } from './queue-item';
export { QueueList } from './queue-list';
export { DEFAULT_TABLE_VIEW, queueOrder, type Row, type TableView } from './table-view';
export { SampleGallery, sampleFile } from './sample-gallery';
export { ServicePicker } from './service-picker';
export { thumbnailOf } from './thumbnail';
export type { PreSendVerdict, QueueEvent } from './queue-types';
export { useAnalysisQueue, type DecodeOnScreen } from './use-analysis-queue';
export { useLeaveGuard } from './use-leave-guard';
/** The batch table, its exports and the rows it sorts by what the cards read: loaded when first shown. */
export const loadBatchScreen = () => import('./batch-screen');
