import { useSyncExternalStore } from 'react';
import { createListeners } from '@/lib/listeners';

/** A module fetched on demand, remembered once it arrives, and asked for again after a failure. */
export interface Deferred<T> {
  load: () => Promise<T>;
  /** The module once loaded, else null. */
  current: () => T | null;
  subscribe: (listener: () => void) => () => void;
}

export function deferred<T>(importer: () => Promise<T>): Deferred<T> {
  let module: T | null = null;
  let pending: Promise<T> | null = null;
  const { subscribe, notify } = createListeners();
  return {
    load: () =>
      (pending ??= importer().then(
        (loaded) => {
          module = loaded;
          notify();
          return loaded;
        },
        (error: unknown) => {
          pending = null; // a chunk that failed to arrive is asked for again next time
          throw error;
        },
      )),
    current: () => module,
    subscribe,
  };
}

/** The deferred module once loaded, else null; re-renders when it arrives. */
export const useLoaded = <T>(code: Deferred<T>): T | null => useSyncExternalStore(code.subscribe, code.current);

/** Runs `task` once the browser is idle (after a short wait where it cannot say); returns a cancel. */
export function whenIdle(task: () => void): () => void {
  if ('requestIdleCallback' in window) {
    const id = window.requestIdleCallback(task);
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(task, 200);
  return () => clearTimeout(id);
}
