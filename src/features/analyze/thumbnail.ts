const THUMB_WIDTH = 96;

/**
 * Decodes the whole image, upright, straight down to a 96-pixel JPEG. Decoding every pixel is also
 * how preflight proves the image data is not corrupt, so one decode serves both.
 */
export async function decodeToThumbnail(image: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(image, { resizeWidth: THUMB_WIDTH, resizeQuality: 'low' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 });
  } finally {
    bitmap.close();
  }
}
