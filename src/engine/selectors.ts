import type { SecondRead } from '@/model/second-read/second-read-types';
import type { CardlensState } from './cardlens-types';
import type { QueueItem } from './queue/queue-item';

// What screens read out of the engine's state, computed once per state.

const secondReads = new WeakMap<readonly QueueItem[], ReadonlyMap<string, SecondRead>>();
/** The device's second reads of the cards on this page, by image hash, as the report matches them to verdicts. */
export function secondReadsByHash(state: CardlensState): ReadonlyMap<string, SecondRead> {
  let byHash = secondReads.get(state.items);
  if (!byHash) {
    byHash = new Map(
      state.items.flatMap((i): [string, SecondRead][] =>
        i.image && i.secondRead ? [[i.image.sha256, i.secondRead]] : [],
      ),
    );
    secondReads.set(state.items, byHash);
  }
  return byHash;
}

/** The selected card, or null. */
export const selectedItem = (state: CardlensState): QueueItem | null =>
  state.items.find((item) => item.id === state.selectedId) ?? null;
