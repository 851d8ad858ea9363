export { loadCameraView } from './load-camera-view';
