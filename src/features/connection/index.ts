export { ConnectionProvider, useConnection, type ClientFactory } from './connection-context';
/** The connection's settings and its check: loaded when the panel first opens. */
export const loadConnectionPanel = () => import('./connection-panel');
export * from './connection-settings';
