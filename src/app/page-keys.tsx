import { useEffect, useSyncExternalStore } from 'react';
import type { View } from '@/engine/cardlens';
import { lazyResource } from '@/lib/lazy-resource';
import { useCardlensState } from '@/ui/cardlens';
import { whenIdle } from './when-idle';

// The page's keys and notes (page-notes.tsx) come just after the first screen: while the browser is
// idle after the first paint, or at once when a card arrives first.

const notes = lazyResource(() => import('./page-notes'));

/** The queue's review marks, once the notes' code is here (a card is reviewed only after that). */
export const useReviewMark = () => useSyncExternalStore(notes.subscribe, notes.current)?.StoredReviewMark;

const load = () => void notes.load().catch(() => undefined);

/** The left column's notices (a new version, a connection changed under a batch), once their code is here. */
export function LeftNotices(props: { connectionKey: string; readerActive: boolean }) {
  const Loaded = useSyncExternalStore(notes.subscribe, notes.current)?.LeftNotices;
  return Loaded ? <Loaded {...props} /> : null;
}

/** The page's keys and notes, on every tab. */
export function PageNotes(props: { view: View }) {
  const Loaded = useSyncExternalStore(notes.subscribe, notes.current)?.PageNotes;
  // Each new card asks again for code that failed to arrive.
  const cards = useCardlensState((s) => s.items.length);
  useEffect(() => whenIdle(load), []);
  useEffect(() => {
    if (cards > 0 && !Loaded) load();
  }, [cards, Loaded]);
  return Loaded ? <Loaded {...props} /> : null;
}
