// Magic bytes, not names: what the user dropped is judged by its content, whatever its name says.
export type ImageFormat = 'jpeg' | 'png';

export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageFormat(bytes: Uint8Array): ImageFormat | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return 'png';
  return null;
}

export function fileExtension(format: ImageFormat): 'jpg' | 'png' {
  return format === 'jpeg' ? 'jpg' : 'png';
}
