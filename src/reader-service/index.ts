// The on-device reader as a service: one worker that every user of the reader (the page's checks,
// the in-page sandbox, the camera) asks through the page. See ARCHITECTURE.md.
export { lazyReaderService } from './lazy-reader';
export { createReaderService, startReaderWorker } from './reader-client';
export type {
  DeviceBoxesRead,
  DeviceRead,
  DeviceWarm,
  ReadBoxes,
  ReadCard,
  ReadCardOptions,
  ReaderDownload,
  ReaderService,
} from './types';
