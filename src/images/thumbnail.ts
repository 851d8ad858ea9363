const THUMB_WIDTH = 96;

async function encode(bitmap: ImageBitmap | OffscreenCanvas, width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingQuality = 'medium';
  ctx.drawImage(bitmap, 0, 0, width, height);
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
}

/**
 * Decodes the whole image, upright, straight down to a 96-pixel JPEG. Decoding every pixel is also
 * how preflight proves the image data is not corrupt, so one decode serves both.
 */
export async function decodeToThumbnail(image: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(image, { resizeWidth: THUMB_WIDTH, resizeQuality: 'low' });
  try {
    return await encode(bitmap, bitmap.width, bitmap.height);
  } finally {
    bitmap.close();
  }
}

/** The thumbnail of a picture already decoded at full size; the picture stays open. */
export function thumbnailOf(picture: ImageBitmap): Promise<Blob> {
  return encode(picture, THUMB_WIDTH, Math.max(1, Math.round((picture.height / picture.width) * THUMB_WIDTH)));
}
