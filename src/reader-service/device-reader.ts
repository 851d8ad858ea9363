import type { CreditCardResult, IdCardResult } from '@/api/types';
import { sniffImageFormat } from '@/lib/image-format';
import { MAX_PIXELS, overPixelLimit, uprightSize, type Size } from '@/lib/image-size';
import { lazyResource } from '@/lib/lazy-resource';
import { limit } from '@/lib/limit';
import { scaleQuad, type Quad } from '@/lib/quad';
import { TimedOut, withinTime } from '@/lib/within-time';
import {
  hasCardLikeText,
  parseCreditCard,
  parseIdCard,
  readHangulBoxes,
  withHangulFields,
  type HangulRecogniser,
  type Pixels,
  type ReadLine,
  type Reader,
} from '@/reader';
import type { ReaderBackend } from './reader-backend';
import type { DeviceRead, DeviceWarm, ReadBoxes, ReadCard } from './types';

/** The most an ID card's Hangul step may take, its first load included, before the digits are answered alone. */
export const HANGUL_STEP_MS = 30_000;

/** The longer side an image is decoded at for reading, at most: a 4096 px card photo is plenty for the detector. */
export const MAX_READ_SIDE = 4096;

/** An image decoded for reading: upright, and reduced when its longer side is over MAX_READ_SIDE. */
export interface Decoded {
  pixels: Pixels;
  /** The decoded size over the original's: 1, or below 1 when the photo was reduced. */
  scale: number;
  /** The original image's upright size: the service's boxes are in its pixels. */
  width: number;
  height: number;
}

/** The scale and size that bring an upright width × height image within MAX_READ_SIDE, keeping its shape. */
export function readSize(width: number, height: number): { scale: number; width: number; height: number } {
  const scale = Math.min(1, MAX_READ_SIDE / Math.max(width, height));
  if (scale === 1) return { scale, width, height };
  return { scale, width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The upright size (EXIF orientation applied) from the header alone, or null when the header cannot be
 * read. Throws for an image over MAX_PIXELS, as preflight refuses it, so that a decompression bomb is never decoded.
 */
export function readableSize(image: Uint8Array): Size | null {
  const size = uprightSize(image);
  if (!size) return null;
  if (overPixelLimit(size)) {
    throw new Error(`${size.header.width} × ${size.header.height} is over ${MAX_PIXELS / 1_000_000} million pixels`);
  }
  return { width: size.width, height: size.height };
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A line read in the decoded image, in the original image's pixels. */
function unscaled(line: ReadLine, scale: number): ReadLine {
  return scale === 1 ? line : { ...line, quad: scaleQuad(line.quad, 1 / scale) };
}

/**
 * The card in the lines read from `image` (the original's upright `size`, in whose pixels the lines are), as
 * the service answers it, or what was looked for. The benchmarks parse other engines' lines with it too.
 */
export function cardFromLines(
  lines: ReadLine[],
  size: Size,
  image: Uint8Array,
  service: Parameters<ReadCard>[1],
): Extract<DeviceRead, { kind: 'read' | 'nothing' }> {
  // The parser gives the resolution from the original's size, as the service measures it.
  const options = { fileType: sniffImageFormat(image) === 'png' ? 'png' : 'jpg' };
  const parsed = service === 'credit-card' ? parseCreditCard(lines, size, options) : parseIdCard(lines, size, options);
  if (!parsed.ok) return { kind: 'nothing', lookedFor: parsed.lookedFor, cardLike: hasCardLikeText(lines, service) };
  // The parser builds the service's shape; its quads are the original image's pixels, as the API's are.
  return { kind: 'read', result: parsed.result as unknown as CreditCardResult | IdCardResult };
}

/** What starting the reader and decoding an image came to: both, or the answer that ends the read. */
type Prepared = { reader: Reader; decoded: Decoded } | Extract<DeviceRead, { kind: 'nothing' | 'unavailable' }>;

/**
 * The device's reader from a way to load it and a way to decode an image: the browser's worker and the
 * Node sandbox server differ only in those two. One image is decoded and read at a time, whether a card
 * or a second reading of given boxes, so however many requests arrive together, one photo's pixels are
 * in memory. The reader is loaded once; a load that failed is tried again at the next image, and a
 * reader that crashed while reading is let go and loaded afresh for the next image.
 */
export function deviceReaderWith(
  load: () => Promise<Reader & { readonly backend?: ReaderBackend }>,
  decode: (image: Uint8Array) => Promise<Decoded>,
  loadHangul?: () => Promise<HangulRecogniser>,
): { readCard: ReadCard; readBoxes: ReadBoxes; warm: () => Promise<DeviceWarm> } {
  const oneAtATime = limit(1);
  const loaded = lazyResource(load);
  // Loaded the first time an ID card has Hangul lines to read, never for a credit card.
  const hangul = loadHangul && lazyResource(loadHangul);
  // A Hangul step that never answered cannot be stopped (its load may still be pending): it is not asked again.
  let hangulGaveUp = false;
  const forget = () =>
    void loaded
      .reset()
      ?.dispose()
      .catch(() => undefined);
  async function prepare(image: Uint8Array): Promise<Prepared> {
    let reader: Reader;
    try {
      reader = await loaded.load();
    } catch (error) {
      return { kind: 'unavailable', why: reason(error) };
    }
    try {
      return { reader, decoded: await decode(image) };
    } catch (error) {
      const lookedFor = `The image could not be decoded for reading (${reason(error)}).`;
      return { kind: 'nothing', lookedFor, cardLike: null };
    }
  }
  // A crash while reading (out of memory, a runtime error) is the device's fault, not the image's.
  const crashed = (error: unknown) => {
    forget();
    return { kind: 'unavailable', why: `it failed while reading: ${reason(error)}` } as const;
  };

  const readCard: ReadCard = (image, service, options) =>
    oneAtATime(async () => {
      const prepared = await prepare(image);
      if ('kind' in prepared) return prepared;
      const { reader, decoded } = prepared;
      const size = { width: decoded.width, height: decoded.height };
      const wantsHangul = hangul !== undefined && !hangulGaveUp && options?.hangul !== false;
      const keepUnsure = service === 'id-card' && wantsHangul;
      let all: ReadLine[];
      try {
        all = (await reader.read(decoded.pixels, { keepUnsure })).map((line) => unscaled(line, decoded.scale));
      } catch (error) {
        return crashed(error);
      }
      const lines = all.filter((line) => !line.unsure);
      const card = cardFromLines(lines, size, image, service);
      if (card.kind === 'read' && hangul && wantsHangul && 'idType' in card.result) {
        try {
          // The same object the parser built: cardFromLines only gave it the service's type.
          const parsed = card.result as unknown as Parameters<typeof withHangulFields>[0];
          const reading = withHangulFields(parsed, all, decoded.pixels, decoded.scale, hangul.load);
          const withHangul = await hangulStep(reading);
          return { kind: 'read', result: withHangul as unknown as IdCardResult };
        } catch {
          // The Hangul recogniser could not load or run: the digits stand.
        }
      }
      return card;
    });

  /** The Hangul recogniser's reading of `quads` (decoded pixels), or nothing read when it cannot load or run. */
  async function hangulTexts(decoded: Decoded, quads: Quad[]): Promise<{ text: string; conf: number }[]> {
    const unread = quads.map(() => ({ text: '', conf: 0 }));
    if (quads.length === 0 || !hangul || hangulGaveUp) return unread;
    try {
      return await hangulStep(readHangulBoxes(decoded.pixels, quads, hangul.load));
    } catch {
      return unread;
    }
  }

  /**
   * A Hangul step, bounded: every read waits its turn behind it. One that fails lets the recogniser go, so
   * that the next card loads it again, unless it never answered: then it is not asked again.
   */
  async function hangulStep<T>(reading: Promise<T>): Promise<T> {
    try {
      return await withinTime(reading, HANGUL_STEP_MS, 'The Hangul recogniser');
    } catch (error) {
      if (error instanceof TimedOut) hangulGaveUp = true;
      void hangul
        ?.reset()
        ?.dispose()
        .catch(() => undefined);
      throw error;
    }
  }

  // A box marked Hangul is read by the Hangul recogniser alone; one it could not read is answered empty.
  const readBoxes: ReadBoxes = (image, boxes, options) =>
    oneAtATime(async () => {
      const prepared = await prepare(image);
      if ('kind' in prepared) return prepared;
      const { reader, decoded } = prepared;
      const scaled = boxes.map((q) => scaleQuad(q, decoded.scale));
      const isHangul = (i: number) => options?.hangul?.[i] === true;
      let digits: { text: string; conf: number }[];
      try {
        digits = await reader.recognise(
          decoded.pixels,
          scaled.filter((_, i) => !isHangul(i)),
        );
      } catch (error) {
        return crashed(error);
      }
      const korean = await hangulTexts(
        decoded,
        scaled.filter((_, i) => isHangul(i)),
      );
      let [d, k] = [0, 0];
      return { kind: 'read', texts: scaled.map((_, i) => (isHangul(i) ? korean[k++] : digits[d++])) };
    });

  // The same load the first image would start, and keeps: nothing is made again per image.
  const warm = (): Promise<DeviceWarm> =>
    loaded.load().then(
      ({ backend }) => ({ kind: 'ready', ...(backend && { backend }) }),
      (error: unknown) => ({ kind: 'unavailable', why: reason(error) }),
    );

  return { readCard, readBoxes, warm };
}

/** A ReadCard alone (deviceReaderWith). */
export const readCardWith = (
  start: () => Promise<Reader>,
  decode: (image: Uint8Array) => Promise<Decoded>,
  loadHangul?: () => Promise<HangulRecogniser>,
): ReadCard => deviceReaderWith(start, decode, loadHangul).readCard;
