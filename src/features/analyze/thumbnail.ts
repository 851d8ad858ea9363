const THUMB_WIDTH = 96;

/** A small JPEG of the upright image as an object URL; the caller revokes it. */
export async function makeThumbnail(file: Blob): Promise<string> {
  const bitmap = await createImageBitmap(file, { resizeWidth: THUMB_WIDTH, resizeQuality: 'low' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.7 }));
  } finally {
    bitmap.close();
  }
}
