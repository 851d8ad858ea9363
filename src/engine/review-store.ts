import { clear, createStore, entries, setMany } from 'idb-keyval';
import * as v from 'valibot';
import { cardReviewSchema, type CardReview } from '@/model/review/review-model';

// Reviews are kept in IndexedDB, keyed by the image's SHA-256, only while the reviewer keeps them
// on this device (keep-preference.ts). Without that, nothing about a card is written at all.
const DATABASE = 'cardlens-review';

/** The IndexedDB calls the store makes: injectable, so what reaches the disk is tested without a browser. */
export interface ReviewBackend {
  entries(): Promise<[IDBValidKey, unknown][]>;
  setMany(items: [IDBValidKey, unknown][]): Promise<void>;
  clear(): Promise<void>;
}

let opened: ReturnType<typeof createStore> | undefined;
const store = () => (opened ??= createStore('cardlens-review', 'cards'));

async function databaseExists(): Promise<boolean> {
  // Without databases() (older browsers) the store is opened, and so created empty, to be sure it is clear.
  if (typeof indexedDB.databases !== 'function') return true;
  return (await indexedDB.databases()).some((db) => db.name === DATABASE);
}

const indexedDb: ReviewBackend = {
  entries: () => entries(store()),
  setMany: (items) => setMany(items, store()),
  // Clearing a database that was never made would make it: a visitor who never kept a review gets none.
  clear: async () => {
    if (opened || (await databaseExists())) await clear(store());
  },
};

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

const holdsMore = (value: unknown) =>
  typeof value === 'object' && value !== null && Object.keys(value).some((key) => !(key in cardReviewSchema.entries));

/**
 * The kept reviews when the reviewer keeps them; otherwise none, and whatever an older version wrote
 * without being asked is deleted. A kept record that holds more than a review (the file name older
 * versions wrote) is written back without it.
 */
export async function openReviews(keep: boolean, backend: ReviewBackend = indexedDb): Promise<CardReview[]> {
  try {
    if (!keep) {
      await backend.clear();
      return [];
    }
    const stored = await backend.entries();
    const reviews = validStoredReviews(stored);
    const extra = new Set(stored.filter(([, value]) => holdsMore(value)).map(([key]) => key));
    const cleaned = reviews.filter((review) => extra.has(review.sha256));
    if (cleaned.length) await backend.setMany(cleaned.map((review) => [review.sha256, review]));
    return reviews;
  } catch {
    return []; // IndexedDB unavailable (private mode): reviews stay in memory for this page
  }
}

/** Writes reviews, corrections included: called only while the reviewer keeps reviews on this device. */
export async function keepReviews(reviews: readonly CardReview[], backend: ReviewBackend = indexedDb): Promise<void> {
  try {
    if (reviews.length) await backend.setMany(reviews.map((review) => [review.sha256, review]));
  } catch {
    // as above
  }
}

/** Deletes every kept review: the reviewer stopped keeping them. Those on screen stay in memory. */
export async function forgetReviews(backend: ReviewBackend = indexedDb): Promise<void> {
  try {
    await backend.clear();
  } catch {
    // as above
  }
}
