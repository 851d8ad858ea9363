import { useEffect, useState } from 'react';
import type { PreflightPassed } from '@/features/analyze/preflight';
import type { Size } from './view-transform';

/** Photos are shown downscaled past this many pixels a side; boxes keep their natural coordinates. */
export const MAX_DISPLAY_SIDE = 4096;

export interface DisplayImage {
  bitmap: ImageBitmap;
  /** The size the API's coordinates refer to in this orientation. */
  natural: Size;
}

/** Decodes the image upright (as browsers show it) or as raw, unrotated pixels; releases it when done. */
export function useBitmap(
  image: PreflightPassed | undefined,
  raw: boolean,
): { display: DisplayImage | null; error: unknown } {
  const [state, setState] = useState<{ display: DisplayImage | null; error: unknown }>({ display: null, error: null });

  useEffect(() => {
    if (!image) {
      setState({ display: null, error: null });
      return;
    }
    let cancelled = false;
    let bitmap: ImageBitmap | null = null;
    const swapped = raw && image.orientation >= 5;
    const natural = swapped
      ? { width: image.height, height: image.width }
      : { width: image.width, height: image.height };
    const shrink = Math.min(1, MAX_DISPLAY_SIDE / Math.max(natural.width, natural.height));
    const blob = new Blob([image.bytes as BlobPart], { type: image.format === 'png' ? 'image/png' : 'image/jpeg' });
    const options: ImageBitmapOptions = { imageOrientation: raw ? 'none' : 'from-image' };
    if (shrink < 1)
      Object.assign(options, {
        resizeWidth: Math.round(natural.width * shrink),
        resizeHeight: Math.round(natural.height * shrink),
        resizeQuality: 'medium',
      });
    createImageBitmap(blob, options).then(
      (decoded) => {
        bitmap = decoded;
        if (cancelled) decoded.close();
        else setState({ display: { bitmap: decoded, natural }, error: null });
      },
      (error: unknown) => !cancelled && setState({ display: null, error }),
    );
    return () => {
      cancelled = true;
      bitmap?.close();
    };
  }, [image, raw]);

  return state;
}
