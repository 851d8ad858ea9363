export { decodeOnScreen } from './display-decode';
export { prefetchCardCanvas, Viewer } from './viewer';
export { readViewerState, type ViewerProbe } from './viewer-probe';
