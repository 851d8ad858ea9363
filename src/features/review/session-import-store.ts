import { useSyncExternalStore } from 'react';
import type { Cardlens } from '@/engine/cardlens';
import { metaOf, type ImageMeta } from '@/images/image-meta';
import { preflight } from '@/images/preflight';
import { importedOutcome, SessionRefused, type SessionRefusal } from '@/model/review/session';
import { openSessionFiles, withChosenImages, type SessionOpening } from '@/model/review/session-import';

/** What an import keeps of an image it read: what the queue keeps, and the thumbnail; never its bytes. */
export type ImportedImage = ImageMeta & { thumbnail: Blob };

async function checkedImage(file: File): Promise<ImportedImage | null> {
  const checked = await preflight(file);
  return checked.ok ? { ...metaOf(checked), thumbnail: checked.thumbnail } : null;
}

/** Where an import was started: the drop zone answers for a drop, the report's controls for theirs. */
export type ImportOrigin = 'drop' | 'report';

export type ImportState =
  | { kind: 'reading' }
  | { kind: 'done'; count: number; leftOut: number }
  | { kind: 'missing'; opening: SessionOpening<ImportedImage> }
  | { kind: 'refused'; refusal: SessionRefusal }
  | { kind: 'failed'; reason: string };

// One import at a time, for the page: its state outlives the screen it was started from.
let current: { origin: ImportOrigin; state: ImportState } | null = null;
const listeners = new Set<() => void>();
function set(next: typeof current) {
  current = next;
  listeners.forEach((listener) => listener());
}

/** The last import started from `origin`, or null. */
export function useSessionImport(origin: ImportOrigin): ImportState | null {
  const now = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
  return now?.origin === origin ? now.state : null;
}

/** Hands the session's cards and reviews to the engine: the only moment anything of it is imported. */
function finish(engine: Cardlens, origin: ImportOrigin, opening: SessionOpening<ImportedImage>) {
  for (const { file, checked, card } of opening.images)
    engine.addImported(file, checked, importedOutcome(card), checked.thumbnail);
  engine.importReviews(opening.images.flatMap(({ card }) => (card.review ? [card.review] : [])));
  set({ origin, state: { kind: 'done', count: opening.images.length, leftOut: opening.leftOut } });
}

/** Imports when every card found its image; else says which are missing and waits, having imported nothing. */
async function settle(engine: Cardlens, origin: ImportOrigin, open: () => Promise<SessionOpening<ImportedImage>>) {
  set({ origin, state: { kind: 'reading' } });
  try {
    const opening = await open();
    if (opening.missing.length === 0) finish(engine, origin, opening);
    else set({ origin, state: { kind: 'missing', opening } });
  } catch (error) {
    set({
      origin,
      state:
        error instanceof SessionRefused
          ? { kind: 'refused', refusal: error.refusal }
          : { kind: 'failed', reason: error instanceof Error ? error.message : String(error) },
    });
  }
}

/** What a drop's JSON proved not to be: then the drop was cards (and a stray file), not a session. */
const NOT_A_SESSION = new Set(['not-json', 'not-session']);

/**
 * A session's ZIP, or its JSON and images: checked whole, and imported only when nothing is amiss. A drop
 * whose JSON is no session (photos and a notes.json) is queued as the cards it holds, the JSON refused by
 * the queue as any file that is not an image is.
 */
export async function importSession(engine: Cardlens, files: readonly File[], origin: ImportOrigin) {
  await settle(engine, origin, () => openSessionFiles(files, checkedImage));
  const state = current?.origin === origin ? current.state : null;
  if (origin === 'drop' && state?.kind === 'refused' && NOT_A_SESSION.has(state.refusal.problem)) {
    set(null);
    engine.addFiles(files);
  }
}

/** The images chosen for the cards that were missing one. */
export function chooseMissingImages(engine: Cardlens, origin: ImportOrigin, files: readonly File[]) {
  if (current?.state.kind !== 'missing') return Promise.resolve();
  const { opening } = current.state;
  return settle(engine, origin, () => withChosenImages(opening, files, checkedImage));
}

/** Imports the cards that have their image, leaving out the rest and their reviews. */
export function importWithoutMissing(engine: Cardlens, origin: ImportOrigin) {
  if (current?.state.kind === 'missing') finish(engine, origin, current.state.opening);
}

export const dismissSessionImport = () => set(null);
