export { loadConnectionPanel } from './load-connection-panel';
