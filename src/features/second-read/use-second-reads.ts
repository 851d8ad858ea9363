import { useEffect, useRef } from 'react';
import type { AnalysisOutcome } from '@/api';
import { limit } from '@/lib/limit';
import { secondReadOf, wantsSecondRead, type ReadBoxesOnDevice } from './second-read-task';
import type { SecondRead } from './second-read-types';

/** What the second read needs of a queued card. */
export interface SecondReadItem {
  id: string;
  file: Blob;
  status: string;
  outcome?: AnalysisOutcome;
  secondRead?: SecondRead;
}

/**
 * While `enabled`, reads every card NHN answered once more on this device, one at a time (one photo's
 * bytes in memory), and hands each comparison to `annotate`. A card retried or cleared meanwhile is
 * not annotated with a read of its old answer.
 */
export function useSecondReads(
  items: readonly SecondReadItem[],
  enabled: boolean,
  read: ReadBoxesOnDevice,
  annotate: (id: string, secondRead: SecondRead | undefined) => void,
) {
  const latest = useRef(items);
  latest.current = items;
  const oneAtATime = useRef(limit(1));
  const asked = useRef(new WeakSet<AnalysisOutcome>());

  useEffect(() => {
    if (!enabled) return;
    for (const item of items) {
      const { outcome } = item;
      if (item.status !== 'done' || !outcome || item.secondRead || asked.current.has(outcome)) continue;
      if (!wantsSecondRead(outcome)) continue;
      asked.current.add(outcome);
      annotate(item.id, { status: 'reading' });
      void oneAtATime.current(async () => {
        const current = () => latest.current.find((i) => i.id === item.id && i.outcome === outcome);
        if (!current()) return; // retried or cleared while it waited
        const result = await secondReadOf(item.file, outcome, read);
        if (current()) annotate(item.id, result);
      });
    }
  }, [items, enabled, read, annotate]);

  // Turned off: reads not yet begun are let go, and may be asked again when it is turned on.
  useEffect(() => {
    if (enabled) return;
    for (const item of latest.current)
      if (item.secondRead?.status === 'reading' && item.outcome) {
        asked.current.delete(item.outcome);
        annotate(item.id, undefined);
      }
  }, [enabled, annotate]);
}
