import { createCardlens } from '@/engine/cardlens';
import type { ReviewStorage } from '@/engine/reviews';
import { engineClient, type Connection } from './connections';
import { deviceReader } from './reader';

// The page's one engine, made as the page loads. Its heavy parts arrive later: the client's code at the
// first send, the decoders and the table's order when a card first needs them (engine-code.ts), the
// review store when reviews are opened.

/** IndexedDB and the schema that checks what it holds load when reviews are first opened. */
const reviewStore = () => import('@/engine/review-store');
const reviews: ReviewStorage = {
  open: (keep) => reviewStore().then((store) => store.openReviews(keep)),
  keep: (kept) => reviewStore().then((store) => store.keepReviews(kept)),
  forget: () => reviewStore().then((store) => store.forgetReviews()),
};

const preferences = {
  get: (key: string) => localStorage.getItem(key),
  set: (key: string, value: string) => localStorage.setItem(key, value), // preferences only, never a value
};

export const engine = createCardlens<Connection>({
  client: engineClient, // the connection itself is set from the connection's settings (shell.tsx)
  reader: deviceReader,
  // The in-page sandbox reads a user's photo with the same reader, so asking it again downloads nothing new.
  readsOnDevice: (connection) => connection.endpoint === 'sandbox',
  storage: { preferences, reviews },
  code: () => import('@/engine/engine-code'),
});
