import { useEffect, useState } from 'react';
import type { ImageMeta } from '@/images/preflight';
import { claimDecode, decodeForDisplay, naturalSize } from '@/images/display-decode';
import type { Size } from './view-transform';

const BITMAP_CLOSE_DELAY_MS = 2000;

/**
 * Closes a bitmap a moment after it leaves the screen, not at once: Konva may already have a
 * redraw scheduled with it, and drawing a closed bitmap throws.
 */
function closeAfterLastDraw(bitmap: ImageBitmap): void {
  setTimeout(() => bitmap.close(), BITMAP_CLOSE_DELAY_MS);
}

export interface DisplayImage {
  bitmap: ImageBitmap;
  /** The size the API's coordinates refer to in this orientation. */
  natural: Size;
}

/** The card's picture, upright or as raw pixels, decoded (or taken from preflight) and released when done. */
export function useBitmap(
  file: Blob,
  image: ImageMeta | undefined,
  raw: boolean,
): { display: DisplayImage | null; error: unknown } {
  // The state remembers which file and orientation it decoded, so a render that happens after the
  // cleanup closed the old bitmap can never hand that detached bitmap to a canvas.
  const [state, setState] = useState<{ file: Blob | null; raw: boolean; display: DisplayImage | null; error: unknown }>(
    {
      file: null,
      raw,
      display: null,
      error: null,
    },
  );

  useEffect(() => {
    if (!image) return;
    let cancelled = false;
    let bitmap: ImageBitmap | null = null;
    const natural = naturalSize(image, raw);
    // Preflight may already have decoded this card upright for us.
    const decoding = (!raw && claimDecode(file)) || decodeForDisplay(file, image, raw);
    decoding.then(
      (decoded) => {
        bitmap = decoded;
        if (cancelled) decoded.close();
        else setState({ file, raw, display: { bitmap: decoded, natural }, error: null });
      },
      (error: unknown) => !cancelled && setState({ file, raw, display: null, error }),
    );
    return () => {
      cancelled = true;
      if (bitmap) closeAfterLastDraw(bitmap);
    };
  }, [file, image, raw]);

  const current = image !== undefined && state.file === file && state.raw === raw;
  return current ? { display: state.display, error: state.error } : { display: null, error: null };
}
