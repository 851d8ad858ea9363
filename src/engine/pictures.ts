import type { ImageMeta } from '@/images/image-meta';

/** A card's picture as the viewer draws it: decoded upright (or as raw pixels), at most display size. */
export type Picture =
  | { id: string; raw: boolean; status: 'decoding' }
  | { id: string; raw: boolean; status: 'ready'; bitmap: ImageBitmap; natural: { width: number; height: number } }
  | { id: string; raw: boolean; status: 'failed'; error: unknown };

export interface PictureDecoding {
  /** Decodes a file for display, upright unless `raw`, no larger than the display's limit. */
  decode: (file: Blob, image: ImageMeta, raw: boolean) => Promise<ImageBitmap>;
  /** The size the service's coordinates refer to, upright or as the raw pixels. */
  natural: (image: ImageMeta, raw: boolean) => { width: number; height: number };
}

interface Entry {
  key: string;
  decoding: Promise<ImageBitmap>;
  picture: Picture;
}

/** How long a bitmap that left the screen stays open: a redraw may already be scheduled with it. */
const CLOSE_AFTER_MS = 2000;

/**
 * The one picture the viewer needs: the selected card's, in the orientation asked for. The queue's
 * decode of the card on screen, which proves its pixels, is the same decode (`decodeFor`), so a card
 * is decoded once and is ready to draw before its answer arrives. Every other bitmap is closed.
 */
export function createPictures(
  code: () => Promise<PictureDecoding>,
  onChange: () => void,
  schedule: (task: () => void, ms: number) => void = (task, ms) => void setTimeout(task, ms),
) {
  let entry: Entry | null = null;
  const keyOf = (id: string, image: ImageMeta, raw: boolean) => `${id}:${image.sha256}:${raw}`;

  function release(old: Entry | null) {
    old?.decoding.then(
      (bitmap) => schedule(() => bitmap.close(), CLOSE_AFTER_MS),
      () => undefined,
    );
  }

  /** The decodes in turn, one at a time: stepping fast through cards decodes only those still shown. */
  let turn: Promise<unknown> = Promise.resolve();

  function start(id: string, file: Blob, image: ImageMeta, raw: boolean): Entry {
    const key = keyOf(id, image, raw);
    if (entry?.key === key && entry.picture.status !== 'failed') return entry;
    release(entry);
    const decoding = turn.then(code).then((c) => {
      // A card left before its turn is not decoded (the queue's check then decodes on its own).
      if (entry !== mine) throw new Error('The card left the screen before it was decoded.');
      return c.decode(file, image, raw);
    });
    turn = decoding.catch(() => undefined);
    const mine: Entry = { key, decoding, picture: { id, raw, status: 'decoding' } };
    entry = mine;
    decoding.then(
      async (bitmap) => {
        if (entry !== mine) return;
        mine.picture = { id, raw, status: 'ready', bitmap, natural: (await code()).natural(image, raw) };
        onChange();
      },
      (error: unknown) => {
        if (entry !== mine) return;
        mine.picture = { id, raw, status: 'failed', error };
        onChange();
      },
    );
    return mine;
  }

  return {
    /** The picture on screen now, or null when no card with a known image is shown. */
    current: (): Picture | null => entry?.picture ?? null,
    /** Shows this card (or none): its picture is decoded unless it is already, and any other is let go. */
    show: (card: { id: string; file: Blob; image?: ImageMeta } | null, raw: boolean) => {
      if (!card?.image) {
        if (entry) {
          release(entry);
          entry = null;
          onChange();
        }
        return;
      }
      const before = entry;
      start(card.id, card.file, card.image, raw);
      if (entry !== before) onChange();
    },
    /** The upright decode of a card on screen, shared with whoever shows it; for the queue's check. */
    decodeFor: (id: string, file: Blob, image: ImageMeta): Promise<ImageBitmap> => {
      const before = entry;
      const mine = start(id, file, image, false);
      if (entry !== before) onChange();
      return mine.decoding;
    },
    dispose: () => {
      release(entry);
      entry = null;
    },
  };
}
