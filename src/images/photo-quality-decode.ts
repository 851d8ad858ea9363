// A dropped photo's quality as the check before sending sees it, decoded in a worker (quality-worker.ts): a
// small copy to find the card in, then one with the card at the camera's scale (file-quality.ts).
import type { PhotoQuality } from '@/model/second-read/photo-quality';
import { overPixelLimit, uprightSize, type Size } from '@/lib/image-size';
import { cardIn, FINDER_SIDE, qualityOf, scaledQuad, within, workingSize } from './file-quality';
import type { RgbaFrame } from './card-finder';

/** Upright pixels at `size`, reduced as they are decoded: a large photo is never held at full size. */
async function pixelsAt(image: Blob, size: Size, full: Size): Promise<RgbaFrame> {
  const reduced = size.width < full.width;
  const bitmapOf = (resizeWidth: number, resizeHeight: number) =>
    createImageBitmap(image, {
      imageOrientation: 'from-image',
      ...(reduced && { resizeWidth, resizeHeight, resizeQuality: 'medium' as const }),
    });
  let bitmap = await bitmapOf(size.width, size.height);
  // Browsers differ on whether a resize applies before or after the EXIF turn (whatwg/html#7210): came it
  // back turned, the resize applied to the stored frame, so ask again with the sides swapped.
  if (reduced && bitmap.width !== size.width && bitmap.width === size.height) {
    bitmap.close();
    bitmap = await bitmapOf(size.height, size.width);
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(bitmap, 0, 0);
    return context.getImageData(0, 0, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** Never throws: a photo that cannot be decoded here is `not-checked`, never fine. */
export async function photoQuality(bytes: Uint8Array): Promise<PhotoQuality> {
  const full = uprightSize(bytes);
  if (!full || overPixelLimit(full)) return { kind: 'not-checked', why: 'undecoded' };
  try {
    const image = new Blob([bytes as BlobPart]);
    const copySize = within(full, FINDER_SIDE);
    const copy = await pixelsAt(image, copySize, full);
    const card = cardIn(copy);
    const work = workingSize(full, copySize, card);
    const same = work.width === copy.width && work.height === copy.height;
    const frame = same ? copy : await pixelsAt(image, work, full);
    return qualityOf(frame, scaledQuad(card, copy, frame), full);
  } catch {
    return { kind: 'not-checked', why: 'undecoded' };
  }
}
