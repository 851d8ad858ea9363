export { ConnectionChangePrompt } from './connection-change-prompt';
export { DropZone, usePageDrop, usePastedFiles } from './drop-zone';
export { QueueList } from './queue-list';
export { StoredReviewMark } from './review-mark';
export { SampleGallery } from './sample-gallery';
export { ServicePicker } from './service-picker';
export { loadBatchScreen } from './load-batch-screen';
export { DeviceChecksSettings } from './device-checks';
