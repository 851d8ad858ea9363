// The engine's heavy code: preflight and decoding, the table's order and its walk, the batch's figures, the on-device
// checks' logic. The engine (cardlens.ts) is in the first screen; this arrives by import() when a card first
// needs it, or while the browser is idle. Tests give the engine their own, with fakes for what needs a browser.
export { confirmDecodes, inspect } from '@/images/preflight';
export { decodeToThumbnail, thumbnailOf } from '@/images/thumbnail';
export { decodeForDisplay, naturalSize } from '@/images/display-decode';
export { tableRows } from './queue/result-rows';
export { batchProgress } from './queue/batch-stats';
export { cardNavigation, stepThrough } from './card-walk';
export { secondReadOf } from '@/model/second-read/second-read-task';
export { preSendOutcome } from '@/model/second-read/pre-send';
export { checkPhotoQuality } from '@/images/photo-quality-client';
export { looksLikeOf } from '@/model/second-read/looks-like';
export { findRepeats } from './queue/find-repeats';
