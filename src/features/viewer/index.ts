export { decodeOnScreen } from './display-decode';
export type { ViewerProbe } from './viewer-probe';
export { loadViewer } from './load-viewer';
