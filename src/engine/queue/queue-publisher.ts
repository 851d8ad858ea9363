import { createListeners } from '@/lib/listeners';

/**
 * Holds a value as of now and the value listeners last saw. Urgent changes, and the change that
 * settles everything, are shown at once; the rest are shown together at most every `deferMs`, so a
 * batch renders a few times a second instead of three times per card.
 */
export function createPublisher<T>(initial: T, settled: (value: T) => boolean, deferMs = 100) {
  let live = initial;
  let published = initial;
  let later: ReturnType<typeof setTimeout> | null = null;
  const { subscribe, notify } = createListeners();

  function publish() {
    if (later !== null) clearTimeout(later);
    later = null;
    published = live;
    notify();
  }

  return {
    live: () => live,
    getSnapshot: () => published,
    commit(next: T, urgent: boolean) {
      live = next;
      if (urgent || settled(live)) publish();
      else later ??= setTimeout(publish, deferMs);
    },
    subscribe,
    dispose() {
      if (later !== null) clearTimeout(later);
    },
  };
}
