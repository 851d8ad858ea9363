import { turnedSize, type Size } from '@/lib/image-size';
import { thumbnailOf } from './thumbnail';
import type { ImageMeta } from './preflight';

// Decoding a card as the viewer shows it, and handing one decode from preflight to the viewer:
// the card on screen is decoded once, and is ready to draw before its response arrives.

/**
 * Decodes the card on screen at display size and hands that decode to the viewer; resolves once
 * every pixel decoded, with the thumbnail still being drawn from it.
 */
export type DecodeOnScreen = (file: Blob, image: ImageMeta) => Promise<{ thumbnail: Promise<Blob> }>;

/** Photos are shown downscaled past this many pixels a side; boxes keep their natural coordinates. */
export const MAX_DISPLAY_SIDE = 4096;
/** A decode nobody claims is closed after this long. */
const UNCLAIMED_MS = 10_000;

export interface PictureShape {
  /** Upright size, as the service sees it. */
  width: number;
  height: number;
  /** EXIF orientation, 1–8. */
  orientation: number;
}

/** The size the API's coordinates refer to: upright, or as the raw, unrotated pixels. */
export function naturalSize(picture: PictureShape, raw: boolean): Size {
  return turnedSize(picture, raw ? picture.orientation : 1);
}

/** Decodes upright (as browsers show it) or as raw pixels, no larger than MAX_DISPLAY_SIDE. */
export function decodeForDisplay(image: Blob, picture: PictureShape, raw: boolean): Promise<ImageBitmap> {
  const natural = naturalSize(picture, raw);
  const shrink = Math.min(1, MAX_DISPLAY_SIDE / Math.max(natural.width, natural.height));
  const options: ImageBitmapOptions = { imageOrientation: raw ? 'none' : 'from-image' };
  if (shrink < 1) {
    Object.assign(options, {
      resizeWidth: Math.round(natural.width * shrink),
      resizeHeight: Math.round(natural.height * shrink),
      resizeQuality: 'medium',
    });
  }
  return createImageBitmap(image, options);
}

const shared = new Map<Blob, Promise<ImageBitmap>>();

/** Offers an upright display decode of `file` to whoever shows it next. */
export function shareDecode(file: Blob, decoding: Promise<ImageBitmap>): void {
  shared.set(file, decoding);
  setTimeout(() => {
    if (shared.get(file) !== decoding) return;
    shared.delete(file);
    decoding.then(
      (bitmap) => bitmap.close(),
      () => undefined,
    );
  }, UNCLAIMED_MS);
}

/** Takes the offered decode of `file`, if there is one; the caller then owns (and closes) the bitmap. */
export function claimDecode(file: Blob): Promise<ImageBitmap> | null {
  const decoding = shared.get(file) ?? null;
  shared.delete(file);
  return decoding;
}

/** The queue's decode of the card on screen: one display-size decode, offered to the viewer, that also makes the thumbnail. */
export const decodeOnScreen: DecodeOnScreen = async (file, image) => {
  const decoding = decodeForDisplay(file, image, false);
  shareDecode(file, decoding);
  return { thumbnail: thumbnailOf(await decoding) };
};
