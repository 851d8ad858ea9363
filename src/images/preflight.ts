import type { ImageMeta } from './image-meta';
import { insecureContextError, isSecureContextNow, type Localised } from '@/api';
import { sha256Hex } from '@/lib/hex';
import { megabytes } from '@/lib/byte-size';
import { describeContent } from '@/lib/describe-content';
import { MAX_IMAGE_BYTES, sniffImageFormat } from '@/lib/image-format';
import type { ImageHeader } from '@/lib/image-header';
import { isLowResolution, overPixelLimit, uprightSize } from '@/lib/image-size';
import { decodeToThumbnail } from './thumbnail';

/** Longer sides are refused from the header, as too many pixels are (MAX_PIXELS). */
export const MAX_SIDE = 20_000;
/** Smaller than this cannot hold a legible card; sending it would only cost a billed request. */
export const MIN_SIDE = 100;

export interface PreflightPassed extends ImageMeta {
  ok: true;
  bytes: Uint8Array;
  /** A 96-pixel JPEG made by the decode that proved the image whole. */
  thumbnail: Blob;
  /** Sent as it is, but the browser may not draw it as the service reads it (16-bit channels, CMYK). */
  caution?: Localised;
}
export interface PreflightRejected {
  ok: false;
  reason: Localised;
}
export type Preflight = PreflightPassed | PreflightRejected;
export type Inspected = Omit<PreflightPassed, 'thumbnail'>;
export { metaOf, type ImageMeta } from './image-meta';

const KOREAN_CONTENT: Record<string, string> = {
  'an empty file': '빈 파일',
  'a PDF document': 'PDF 문서',
  'a GIF image': 'GIF 이미지',
  'a WebP image': 'WebP 이미지',
  'a HEIC image': 'HEIC 이미지',
  'an ISO media file (HEIC, AVIF or video)': 'ISO 미디어 파일(HEIC, AVIF 또는 동영상)',
  'a ZIP archive': 'ZIP 압축 파일',
  'a BMP image': 'BMP 이미지',
  'an SVG or XML document': 'SVG 또는 XML 문서',
  'an HTML page': 'HTML 문서',
  'a TIFF image': 'TIFF 이미지',
};

const reject = (en: string, ko: string): PreflightRejected => ({ ok: false, reason: { en, ko } });

/** Decodes fully to prove the image is usable, returning a thumbnail; the browser does it by default. */
export type Decode<T = Blob> = (blob: Blob) => Promise<T>;

/**
 * Every check that needs no decoding: type, size, header, checksums, completeness. Fast enough to
 * run before anything else starts; the decode (confirmDecodes) can then run beside other work.
 */
export async function inspect(file: File): Promise<Inspected | PreflightRejected> {
  // Off a secure context there is no crypto.subtle to hash with, and the card could never be sent: it
  // fails as its request would, saying why, instead of on a missing digest().
  if (!isSecureContextNow()) throw insecureContextError();
  const name = file.name || 'image';
  if (file.size === 0) return reject(`“${name}” is empty (0 bytes).`, `“${name}” 파일이 비어 있습니다(0바이트).`);
  if (file.size > MAX_IMAGE_BYTES) {
    return reject(
      `“${name}” is ${megabytes(file.size)} MB; the service accepts at most ${megabytes(MAX_IMAGE_BYTES)} MB. Shrink it and try again.`,
      `“${name}” 파일은 ${megabytes(file.size)}MB입니다. 서비스는 ${megabytes(MAX_IMAGE_BYTES)}MB까지만 받습니다. 크기를 줄여 다시 시도하세요.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return reject(`“${name}” could not be read.`, `“${name}” 파일을 읽을 수 없습니다.`);
  }
  const format = sniffImageFormat(bytes);
  if (!format) {
    const what = describeContent(bytes);
    if (!what) {
      return reject(
        `“${name}” is not a JPEG or PNG image. Only JPEG and PNG can be sent.`,
        `“${name}” 파일은 JPEG나 PNG 이미지가 아닙니다. JPEG 또는 PNG만 보낼 수 있습니다.`,
      );
    }
    return reject(
      `“${name}” is ${what}, not a JPEG or PNG image, whatever its name says.`,
      `“${name}” 파일은 이름과 달리 ${KOREAN_CONTENT[what] ?? what}입니다. JPEG 또는 PNG만 보낼 수 있습니다.`,
    );
  }
  const upright = uprightSize(bytes);
  if (!upright) {
    return reject(
      `“${name}” is damaged: its image header cannot be read.`,
      `“${name}” 파일이 손상되었습니다. 이미지 헤더를 읽을 수 없습니다.`,
    );
  }
  const { header, orientation, width, height } = upright;
  if (header.width > MAX_SIDE || header.height > MAX_SIDE || overPixelLimit(header)) {
    return reject(
      `“${name}” claims ${header.width}×${header.height} pixels, too large to open safely; it was refused before decoding.`,
      `“${name}” 파일은 ${header.width}×${header.height} 픽셀로 너무 커서 안전하게 열 수 없습니다. 디코딩 전에 거부했습니다.`,
    );
  }
  if (header.width < MIN_SIDE || header.height < MIN_SIDE) {
    return reject(
      `“${name}” is only ${header.width}×${header.height} pixels, too small to hold a card.`,
      `“${name}” 파일은 ${header.width}×${header.height} 픽셀로, 카드를 담기에는 너무 작습니다.`,
    );
  }
  if (header.badCrcChunk) {
    return reject(
      `“${name}” is corrupted: the checksum of its ${header.badCrcChunk} chunk does not match.`,
      `“${name}” 파일이 손상되었습니다. ${header.badCrcChunk} 청크의 검사합이 맞지 않습니다.`,
    );
  }
  if (!header.complete) {
    return reject(
      `“${name}” is truncated: the file ends before the image does.`,
      `“${name}” 파일이 잘려 있습니다. 이미지가 끝나기 전에 파일이 끝납니다.`,
    );
  }
  // The service's resolution rule is about what it sees: the upright picture.
  const lowResolution = isLowResolution(upright);
  const sha256 = await sha256Hex(bytes);
  const caution = cautionFor(name, header);
  return { ok: true, bytes, sha256, format, width, height, orientation, lowResolution, ...(caution && { caution }) };
}

/**
 * A JPEG or PNG of any bit depth or colour model is a valid upload (NHN's guides limit the format and
 * the size, nothing else): the service gets the bytes unchanged. Only what the browser shows may differ
 * from what it reads.
 */
function cautionFor(name: string, header: ImageHeader): Localised | undefined {
  const notes: Localised[] = [];
  if (header.components === 4) {
    notes.push({
      en: `“${name}” is a CMYK JPEG (print colours): it is sent unchanged, but its colours on screen may differ from the file's.`,
      ko: `“${name}” 파일은 CMYK(인쇄용 색상) JPEG입니다. 파일은 그대로 보내지만 화면의 색은 파일과 다를 수 있습니다.`,
    });
  }
  if (header.bitDepth > 8) {
    notes.push({
      en: `“${name}” has ${header.bitDepth} bits per channel: it is sent unchanged, but shown here at 8 bits.`,
      ko: `“${name}” 파일은 채널당 ${header.bitDepth}비트입니다. 파일은 그대로 보내지만 화면에는 8비트로 표시합니다.`,
    });
  }
  if (notes.length === 0) return undefined;
  return { en: notes.map((n) => n.en).join(' '), ko: notes.map((n) => n.ko).join(' ') };
}

/** The last check: every pixel decodes. Returns what the decode made (by default, the thumbnail). */
export async function confirmDecodes<T>(
  file: File,
  inspected: Inspected,
  decode: Decode<T>,
): Promise<{ ok: true; decoded: T } | PreflightRejected> {
  try {
    // The file is already a Blob of these bytes; copying them into a new one costs a round trip
    // to the browser's blob store for every card of a batch.
    return { ok: true, decoded: await decode(file) };
  } catch {
    const name = file.name || 'image';
    return reject(
      `“${name}” could not be decoded: the image data is corrupt.`,
      `“${name}” 파일을 디코딩할 수 없습니다. 이미지 데이터가 손상되었습니다.`,
    );
  }
}

/** Everything checked before a byte is sent: readable, JPEG or PNG by its bytes, in size, decodable. Never throws. */
export async function preflight(file: File, decode: Decode = decodeToThumbnail): Promise<Preflight> {
  const inspected = await inspect(file);
  if (!inspected.ok) return inspected;
  const confirmed = await confirmDecodes(file, inspected, decode);
  return confirmed.ok ? { ...inspected, thumbnail: confirmed.decoded } : confirmed;
}
