export { ConnectionChangePrompt } from './connection-change-prompt';
export { DropZone, usePageDrop, usePastedFiles } from './drop-zone';
export { EmptyQueue } from './empty-queue';
export { StoredReviewMark } from './review-mark';
export { SampleGallery } from './sample-gallery';
export { ServicePicker } from './service-picker';
export { loadBatchScreen, loadQueueList } from './load-batch-screen';
export { DeviceChecksSettings } from './device-checks';
