// An image's size from its header alone, turned as a browser and the service see it, and the rules on
// that size: the pixel limit checked before anything decodes, and the service's low-resolution rule.
import { exifOrientation } from './exif-orientation';
import { sniffImageFormat, type ImageFormat } from './image-format';
import { readImageHeader, type ImageHeader } from './image-header';

export interface Size {
  width: number;
  height: number;
}

/** Larger images are refused from their header, before anything decodes them (a decode takes 4 bytes a pixel). */
export const MAX_PIXELS = 100_000_000;
/** The service answers `resolution: "low"` below this size. */
export const MIN_RECOMMENDED_WIDTH = 760;
export const MIN_RECOMMENDED_HEIGHT = 480;

export const overPixelLimit = ({ width, height }: Size): boolean => width * height > MAX_PIXELS;

/** Smaller than `least` along the longer or the shorter side, so a portrait photo counts as its landscape turn. */
export const isSmallerThan = ({ width, height }: Size, least: Size): boolean =>
  Math.max(width, height) < least.width || Math.min(width, height) < least.height;

/** Below 760×480, measured along the longer and the shorter side. */
export const isLowResolution = (size: Size): boolean =>
  isSmallerThan(size, { width: MIN_RECOMMENDED_WIDTH, height: MIN_RECOMMENDED_HEIGHT });

/** The size NHN's console guide recommends for a photo of each kind of card: more than the service's floor for credit cards. */
export const RECOMMENDED_CARD_SIZE: Readonly<Record<'credit-card' | 'id-card', Size>> = {
  'credit-card': { width: 1280, height: 720 },
  'id-card': { width: MIN_RECOMMENDED_WIDTH, height: MIN_RECOMMENDED_HEIGHT },
};

/** The `resolution` the service gives a result for an image of this size. */
export const resolutionOf = (size: Size): 'low' | 'normal' => (isLowResolution(size) ? 'low' : 'normal');

/**
 * The size with EXIF `orientation` applied: 5–8 turn the picture a quarter, swapping its sides. The
 * swap goes both ways, so the same call gives the stored size from the upright one.
 */
export const turnedSize = ({ width, height }: Size, orientation: number): Size =>
  orientation >= 5 ? { width: height, height: width } : { width, height };

export interface UprightSize extends Size {
  format: ImageFormat;
  header: ImageHeader;
  /** EXIF orientation, 1–8 (1 for a PNG, or a JPEG that gives none). */
  orientation: number;
}

/**
 * The size a browser shows the image at, and the service measures it at: the header's, turned by its EXIF
 * orientation. Null when the bytes are not a JPEG or PNG, or their header cannot be read or gives a side of 0.
 */
export function uprightSize(bytes: Uint8Array): UprightSize | null {
  const format = sniffImageFormat(bytes);
  const header = format && readImageHeader(bytes, format);
  if (!format || !header || header.width < 1 || header.height < 1) return null;
  const orientation = exifOrientation(bytes);
  return { format, header, orientation, ...turnedSize(header, orientation) };
}
