export { ConnectionProvider, useConnection, type ClientFactory } from './connection-context';
export { ConnectionPanel } from './connection-panel';
export * from './connection-settings';
