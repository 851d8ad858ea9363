export { ConnectionChangePrompt } from './connection-change-prompt';
export { CardDropProvider, DropZone, usePageDrop } from './drop-zone';
export { QueueList } from './queue-list';
export { loadManifest, SampleGallery, sampleFile } from './sample-gallery';
export { ServicePicker } from './service-picker';
export { loadBatchScreen } from './load-batch-screen';
