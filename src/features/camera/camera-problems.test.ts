import { describe, expect, it } from 'vitest';
import { cameraProblemOf, cameraUnavailable } from './camera-problems';

const named = (name: string) => new DOMException('camera', name);

describe('camera problems', () => {
  it('names each refusal of getUserMedia', () => {
    expect(cameraProblemOf(named('NotAllowedError'))).toBe('refused');
    expect(cameraProblemOf(named('NotFoundError'))).toBe('none');
    expect(cameraProblemOf(named('OverconstrainedError'))).toBe('none');
    expect(cameraProblemOf(named('NotReadableError'))).toBe('busy');
    expect(cameraProblemOf(new TypeError('odd'))).toBe('failed');
  });

  it('knows a page that cannot ask for a camera', () => {
    const getUserMedia = () => undefined;
    expect(cameraUnavailable({ isSecureContext: false, navigator: { mediaDevices: { getUserMedia } } })).toBe(
      'insecure',
    );
    expect(cameraUnavailable({ isSecureContext: true, navigator: {} })).toBe('unsupported');
    expect(cameraUnavailable({ isSecureContext: true, navigator: { mediaDevices: { getUserMedia } } })).toBeNull();
  });
});
