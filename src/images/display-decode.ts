import { turnedSize, type Size } from '@/lib/image-size';

// Decoding a card as the viewer shows it, and handing one decode from preflight to the viewer:
// the card on screen is decoded once, and is ready to draw before its response arrives.

/** Photos are shown downscaled past this many pixels a side; boxes keep their natural coordinates. */
export const MAX_DISPLAY_SIDE = 4096;

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
