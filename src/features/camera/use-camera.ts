import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { cameraProblemOf, cameraUnavailable, type CameraProblem } from './camera-problems';

export type CameraStatus = 'starting' | 'live' | CameraProblem;

/** The rear camera on a phone, at the most pixels the camera gives (ideal values never fail). */
const constraints = (deviceId: string | null): MediaStreamConstraints => ({
  audio: false,
  video: {
    ...(deviceId ? { deviceId: { exact: deviceId } } : { facingMode: { ideal: 'environment' } }),
    width: { ideal: 4096 },
    height: { ideal: 2160 },
  },
});

const stopAll = (stream: MediaStream) => stream.getTracks().forEach((track) => track.stop());

const subscribeVisibility = (listener: () => void) => {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
};
const hiddenNow = () => document.visibilityState === 'hidden';

/**
 * The camera's stream in `video` while the view is open and the tab shown. Closing the view, hiding the tab or
 * leaving the page stops every track at once, so the camera's light goes off; the stream is never kept anywhere else.
 */
export function useCamera(video: RefObject<HTMLVideoElement | null>, deviceId: string | null) {
  const hidden = useSyncExternalStore(subscribeVisibility, hiddenNow);
  const [status, setStatus] = useState<CameraStatus>(() => cameraUnavailable(globalThis) ?? 'starting');
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const unavailable = cameraUnavailable(globalThis) !== null;
  useEffect(() => {
    if (hidden || unavailable) return;
    let live = true;
    let stream: MediaStream | null = null;
    const stop = () => {
      if (stream) stopAll(stream);
      if (video.current) video.current.srcObject = null;
    };
    navigator.mediaDevices.getUserMedia(constraints(deviceId)).then(
      (opened) => {
        if (!live) return stopAll(opened);
        stream = opened;
        const element = video.current;
        if (element) {
          element.srcObject = opened;
          void element.play().catch(() => undefined); // muted and inline: only a closed view refuses
        }
        setStatus('live');
        // A camera unplugged (or taken back by the system) ends its track: say so instead of a frozen picture.
        opened.getVideoTracks()[0]?.addEventListener('ended', () => {
          if (!live) return;
          stop();
          setStatus('unplugged');
        });
        void navigator.mediaDevices.enumerateDevices().then((devices) => {
          if (live) setCameras(devices.filter((device) => device.kind === 'videoinput'));
        });
      },
      (error: unknown) => live && setStatus(cameraProblemOf(error)),
    );
    window.addEventListener('pagehide', stop);
    return () => {
      live = false;
      window.removeEventListener('pagehide', stop);
      stop();
    };
  }, [video, deviceId, hidden, unavailable]);
  return { status: hidden && status === 'live' ? 'starting' : status, cameras };
}

/** The id of the camera a stream in `video` comes from, for the picker to show. */
export const currentCameraId = (video: HTMLVideoElement | null): string | null => {
  const stream = video?.srcObject;
  const track = stream instanceof MediaStream ? stream.getVideoTracks()[0] : undefined;
  return track?.getSettings().deviceId ?? null;
};
