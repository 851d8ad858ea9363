import type { AnalysisOutcome, AnswerSource } from '@/api';
import { limit } from '@/lib/limit';
import type { SecondRead } from '@/model/second-read/second-read-types';

/** What the second read needs of a queued card. */
export interface SecondReadItem {
  id: string;
  file: Blob;
  status: string;
  image?: { sha256: string };
  outcome?: AnalysisOutcome;
  /** Who made the answer, from the connection it came through (never from the answer itself). */
  answeredBy?: AnswerSource;
  secondRead?: SecondRead;
}

/**
 * Schedules second reads from the queue's items, one at a time (one photo's bytes in memory). A read
 * lands only on the answer it was asked for, and only while the check is on: turning it off drops the
 * reads not yet made and every second read shown; turning it on again reads the cards once more.
 */
export function createSecondReader(
  /** The device's second read of one card NHN answered (secondReadOf, with the reader). Never throws. */
  read: (item: SecondReadItem & { outcome: AnalysisOutcome }) => Promise<SecondRead>,
  annotate: (id: string, secondRead: SecondRead | undefined) => void,
) {
  const oneAtATime = limit(1);
  let items: readonly SecondReadItem[] = [];
  let enabled = false;
  /** Bumped whenever the check is turned off: reads asked for before then are void. */
  let generation = 0;
  let asked = new WeakSet<AnalysisOutcome>();
  const stillWanted = (id: string, outcome: AnalysisOutcome, asOf: number) =>
    enabled && generation === asOf && items.some((i) => i.id === id && i.outcome === outcome);

  return {
    /** Called with the queue's items and the setting whenever either changes. */
    sync(nextItems: readonly SecondReadItem[], nextEnabled: boolean) {
      items = nextItems;
      if (enabled && !nextEnabled) {
        generation++;
        asked = new WeakSet();
        for (const item of items) if (item.secondRead) annotate(item.id, undefined);
      }
      enabled = nextEnabled;
      if (!enabled) return;
      for (const item of items) {
        const { outcome } = item;
        if (item.status !== 'done' || !outcome || item.secondRead || asked.has(outcome)) continue;
        asked.add(outcome);
        if (item.answeredBy === 'device') {
          annotate(item.id, { status: 'unread', reason: 'read-on-device' });
          continue;
        }
        annotate(item.id, { status: 'reading' });
        const asOf = generation;
        void oneAtATime(async () => {
          if (!stillWanted(item.id, outcome, asOf)) return; // retried, cleared or turned off while it waited
          const result = await read({ ...item, outcome });
          if (stillWanted(item.id, outcome, asOf)) annotate(item.id, result);
        });
      }
    },
  };
}
