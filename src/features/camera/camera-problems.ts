// Why the camera view shows no camera, from what the browser says: each gets its own message, and the file
// picker stays one click away.

export type CameraProblem = 'insecure' | 'unsupported' | 'refused' | 'none' | 'busy' | 'unplugged' | 'failed';

/** A page that cannot ask for a camera at all: not a secure context, or a browser without getUserMedia. */
export function cameraUnavailable(scope: {
  isSecureContext?: boolean;
  navigator?: { mediaDevices?: { getUserMedia?: unknown } };
}): CameraProblem | null {
  if (scope.isSecureContext === false) return 'insecure';
  return typeof scope.navigator?.mediaDevices?.getUserMedia === 'function' ? null : 'unsupported';
}

/** getUserMedia's rejection, by the DOMException's name. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'refused';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'none';
    case 'NotReadableError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
