/** Cards taken in this page so far: each is named camera-1.jpg, camera-2.jpg… as if it had been dropped. */
let taken = 0;

/** The frame as a JPEG file, at the camera's full size; the frame is closed once drawn. */
export async function captureFile(frame: ImageBitmap): Promise<File> {
  const canvas = new OffscreenCanvas(frame.width, frame.height);
  canvas.getContext('2d')!.drawImage(frame, 0, 0);
  frame.close();
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  taken += 1;
  return new File([blob], `camera-${taken}.jpg`, { type: 'image/jpeg', lastModified: Date.now() });
}
