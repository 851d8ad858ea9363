// Pixel size from the header alone, so a decompression bomb is refused before anything decodes it.
import { crc32 } from './crc32';

export interface ImageHeader {
  width: number;
  height: number;
  /** Bits per channel: the PNG bit depth, the JPEG sample precision (8, or 12 in extended JPEG). */
  bitDepth: number;
  /** JPEG colour components (4 = CMYK); PNG reports 3. */
  components: number;
  /** A PNG chunk whose CRC does not match, if any. */
  badCrcChunk?: string;
  /** The file ends where its format says it should (PNG IEND, JPEG EOI). */
  complete: boolean;
}

/** Walks the PNG chunks and names the first whose CRC (over type and data) is wrong. */
function firstBadCrc(bytes: Uint8Array, view: DataView): string | undefined {
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const end = offset + 8 + length;
    if (end + 4 > bytes.length) return undefined; // truncation is reported separately
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (crc32(bytes.subarray(offset + 4, end)) !== view.getUint32(end)) return type;
    if (type === 'IEND') return undefined;
    offset = end + 4;
  }
  return undefined;
}

function pngHeader(bytes: Uint8Array, view: DataView): ImageHeader | null {
  if (bytes.length < 24 || String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return null;
  const iend = [0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82];
  const tail = bytes.subarray(bytes.length - 8);
  return {
    width: view.getUint32(16),
    height: view.getUint32(20),
    bitDepth: bytes[24],
    components: 3,
    complete: iend.every((b, i) => tail[i] === b),
    badCrcChunk: firstBadCrc(bytes, view),
  };
}

function jpegHeader(bytes: Uint8Array, view: DataView): ImageHeader | null {
  let offset = 2;
  // The end marker may be followed by padding some encoders add; look near the end for it.
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  let complete = false;
  for (let i = 0; i + 1 < tail.length; i++) if (tail[i] === 0xff && tail[i + 1] === 0xd9) complete = true;
  while (offset + 9 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++;
      continue;
    }
    const length = view.getUint16(offset + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return {
        height: view.getUint16(offset + 5),
        width: view.getUint16(offset + 7),
        bitDepth: bytes[offset + 4],
        components: bytes[offset + 9],
        complete,
      };
    }
    if (marker === 0xda) return null;
    offset += 2 + length;
  }
  return null;
}

export function readImageHeader(bytes: Uint8Array, format: 'jpeg' | 'png'): ImageHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return format === 'png' ? pngHeader(bytes, view) : jpegHeader(bytes, view);
}
