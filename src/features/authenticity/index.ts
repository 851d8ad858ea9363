export { AuthenticityPanel } from './authenticity-panel';
