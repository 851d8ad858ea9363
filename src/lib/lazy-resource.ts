import { createListeners } from './listeners';

/**
 * Something loaded once, on first use, and kept: a chunk of code, a worker, a manifest. The one rule
 * for failure, everywhere: a load that fails is not remembered, so the next call tries again.
 */
export interface LazyResource<T> {
  load: () => Promise<T>;
  /** The value once loaded, else null. */
  current: () => T | null;
  /** Told when the value arrives or is let go (React reads it with useSyncExternalStore). */
  subscribe: (listener: () => void) => () => void;
  /** Lets the value go (a worker that crashed, say): the next call loads it afresh. */
  reset: () => T | null;
}

export function lazyResource<T>(loader: () => Promise<T>): LazyResource<T> {
  let value: T | null = null;
  let pending: Promise<T> | null = null;
  const { subscribe, notify } = createListeners();
  return {
    load() {
      if (pending) return pending;
      const loading: Promise<T> = loader().then(
        (loaded) => {
          if (pending === loading) {
            value = loaded;
            notify();
          }
          return loaded;
        },
        (error: unknown) => {
          if (pending === loading) pending = null;
          throw error;
        },
      );
      pending = loading;
      return loading;
    },
    current: () => value,
    subscribe,
    reset() {
      const dropped = value;
      value = null;
      pending = null;
      if (dropped !== null) notify();
      return dropped;
    },
  };
}
