/** The camera view: loaded when Use camera is first pressed. */
export const loadCameraView = () => import('./camera-view');
