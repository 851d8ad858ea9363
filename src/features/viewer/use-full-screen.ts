import { useCallback, useEffect, useState } from 'react';

/**
 * Whether `ref`'s element fills the screen, and a toggle for it (the Fullscreen API). `available`
 * is false where the browser or an embedding page does not allow it; the control is then hidden.
 */
export function useFullScreen(ref: React.RefObject<HTMLElement | null>): {
  available: boolean;
  active: boolean;
  toggle: () => void;
} {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [ref]);
  const toggle = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    // A refusal (no user gesture, a policy) leaves the page as it was; there is nothing to report.
    const request = document.fullscreenElement === element ? document.exitFullscreen() : element.requestFullscreen();
    request.catch(() => undefined);
  }, [ref]);
  return { available: document.fullscreenEnabled, active, toggle };
}
