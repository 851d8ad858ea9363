export { decodeOnScreen } from './display-decode';
export type { ViewerProbe } from './viewer-probe';
/** The viewer itself, Konva behind it: no card is on the first screen, so it loads when one is shown. */
export const loadViewer = () => import('./viewer-screen');
