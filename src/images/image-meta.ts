import type { ImageFormat } from '@/lib/image-format';

/** What is known of an image after preflight; its bytes are held only until they are sent. */
export interface ImageMeta {
  /** Hex SHA-256 of the bytes: the key reviews are kept under. */
  sha256: string;
  format: ImageFormat;
  /** Upright size (EXIF orientation applied), as the service sees it. */
  width: number;
  height: number;
  /** EXIF orientation, 1–8. */
  orientation: number;
  /** Below the service's recommended resolution: it will answer `resolution: "low"`. */
  lowResolution: boolean;
}

/** What the queue keeps of a preflight: everything but the bytes. */
export function metaOf(checked: ImageMeta): ImageMeta {
  const { sha256, format, width, height, orientation, lowResolution } = checked;
  return { sha256, format, width, height, orientation, lowResolution };
}
