export { ConnectionProvider, useConnection, type ClientFactory } from './connection-context';
export { loadConnectionPanel } from './load-connection-panel';
export * from './connection-settings';
