import { useCallback, useSyncExternalStore } from 'react';
import { matches } from './media';

/** Whether `query` matches, following it as it changes (a tablet's keyboard attached, a window resized). */
export function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (changed: () => void) => {
      if (typeof matchMedia !== 'function') return () => {};
      const list = matchMedia(query);
      list.addEventListener('change', changed);
      return () => list.removeEventListener('change', changed);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => matches(query));
}
