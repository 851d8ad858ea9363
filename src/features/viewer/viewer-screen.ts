// The viewer's chunk, loaded through index.ts: all of it but the decode it shares with the queue.
export { prefetchCardCanvas, Viewer } from './viewer';
export { readViewerState } from './viewer-probe';
