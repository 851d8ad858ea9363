import type { QueueItem } from './queue/queue-item';

/** Where the card on screen stands among the cards `]` and `[` walk, and the cards either side of it. */
export interface CardNavigation {
  /** 1-based; null when the card on screen is not one of them (a refused file opened from its row). */
  position: number | null;
  count: number;
  previous: string | null;
  next: string | null;
}

/**
 * A refused file has no picture and nothing read (its reason is on its row): `]` and `[` and the "2/15"
 * beside them walk only the cards that have something to show.
 */
function placeOf(order: readonly string[], items: readonly QueueItem[], current: string | null) {
  const refused = new Set(items.filter((item) => item.status === 'rejected').map((item) => item.id));
  const at = current === null ? -1 : order.indexOf(current);
  const ids = order.filter((id) => !refused.has(id));
  // How many walked cards come before the current one: its place among them, or the place it would take.
  const before = order.slice(0, Math.max(at, 0)).filter((id) => !refused.has(id)).length;
  return { ids, before, found: at >= 0, here: at >= 0 && ids[before] === current };
}

/** The card `delta` walked cards from `current`, or null past either end or when `current` is not in `order`. */
export function stepThrough(
  order: readonly string[],
  items: readonly QueueItem[],
  current: string | null,
  delta: number,
): string | null {
  const { ids, before, found, here } = placeOf(order, items, current);
  // From a card not walked itself, one step either way lands on its neighbour.
  return found ? (ids[before + delta - (delta > 0 && !here ? 1 : 0)] ?? null) : null;
}

export function cardNavigation(
  order: readonly string[],
  items: readonly QueueItem[],
  current: string | null,
): CardNavigation {
  const { ids, before, here } = placeOf(order, items, current);
  return {
    position: here ? before + 1 : null,
    count: ids.length,
    previous: stepThrough(order, items, current, -1),
    next: stepThrough(order, items, current, 1),
  };
}
