import type { CardReview } from './review-model';

// How far a review has gone, and where the keys go next. A card counts as reviewed once it is accepted
// or rejected (card-review-state.ts).

/** The card's fields without a verdict, in the card's order. */
export function fieldsLeft(fieldIds: readonly string[], review: CardReview | undefined): string[] {
  return fieldIds.filter((id) => !review?.fields[id]);
}

export interface BatchReview {
  /** Cards with a result to review. */
  cards: number;
  accepted: number;
  rejected: number;
  /** Every card with a result is accepted or rejected (and there is at least one). */
  complete: boolean;
}

/** The batch's review: `cards` are those with a result, named by their image's hash. */
export function batchReview(
  cards: readonly { sha256: string }[],
  reviews: ReadonlyMap<string, CardReview>,
): BatchReview {
  // The same image dropped twice is one card to review.
  const hashes = new Set(cards.map((c) => c.sha256));
  let accepted = 0;
  let rejected = 0;
  for (const sha of hashes) {
    const verdict = reviews.get(sha)?.card?.verdict;
    if (verdict === 'accepted') accepted++;
    if (verdict === 'rejected') rejected++;
  }
  return { cards: hashes.size, accepted, rejected, complete: hashes.size > 0 && accepted + rejected === hashes.size };
}

/** The field `step` places from `current` (from none, the first), held at either end. */
export function stepField(ids: readonly string[], current: string | null, step: number): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  const from = index < 0 ? -step : index;
  return ids[Math.min(ids.length - 1, Math.max(0, from + step))];
}

/**
 * Where a verdict moves the selection: the next field, as a labelling tool's submit moves on, so a
 * field costs one key. The last field stays selected.
 */
export const afterVerdict = (ids: readonly string[], current: string | null): string | null =>
  current === null ? null : stepField(ids, current, 1);

/** The next field after `current` that `wanted` picks, going round; null when none is. */
export function nextWhere(ids: readonly string[], current: string | null, wanted: (id: string) => boolean) {
  const index = current === null ? -1 : ids.indexOf(current);
  return [...ids.slice(index + 1), ...ids.slice(0, index + 1)].find(wanted) ?? null;
}
