/** The viewer itself, with Konva behind it: no card is on the first screen, so it loads when one is shown. */
export const loadViewer = () => import('./viewer-screen');
