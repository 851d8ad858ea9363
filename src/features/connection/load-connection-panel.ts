/** The connection's settings and its check: loaded when the panel first opens. */
export const loadConnectionPanel = () => import('./connection-panel');
