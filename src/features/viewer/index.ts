export type { ViewerProbe } from './viewer-probe';
export type { ViewerProps } from './viewer';
export { loadViewer } from './load-viewer';
