import { createStore, entries, set } from 'idb-keyval';
import * as v from 'valibot';
import { cardReviewSchema, type CardReview } from './review-model';

// Reviews live in IndexedDB, keyed by the image's SHA-256. Corrections hold personal data, so they
// are written only when the reviewer opted in to keeping the review on this device.
const store = () => createStore('cardlens-review', 'cards');

export function withoutValues(review: CardReview): CardReview {
  const fields = Object.fromEntries(
    Object.entries(review.fields).map(([id, f]) => [id, { ...f, correction: undefined }]),
  );
  return { ...review, fields };
}

/**
 * The stored records that are reviews, filed under their own image's hash. Anything else (an older
 * build's shape, a record changed by hand) is dropped, never rendered; it stays in the store
 * until that card is reviewed again, which overwrites it.
 */
export function validStoredReviews(stored: readonly (readonly [IDBValidKey, unknown])[]): CardReview[] {
  return stored.flatMap(([key, value]) => {
    const parsed = v.safeParse(cardReviewSchema, value);
    return parsed.success && parsed.output.sha256 === key ? [parsed.output] : [];
  });
}

export async function loadReviews(): Promise<CardReview[]> {
  try {
    return validStoredReviews(await entries<IDBValidKey, unknown>(store()));
  } catch {
    return []; // IndexedDB unavailable (private mode): reviews stay in memory for this page
  }
}

export async function saveReview(review: CardReview, keepValues: boolean): Promise<void> {
  try {
    await set(review.sha256, keepValues ? review : withoutValues(review), store());
  } catch {
    // as above
  }
}
