import type { CreditCardResult, IdCardResult } from '@/api/types';
import { MIN_RECOMMENDED_HEIGHT, MIN_RECOMMENDED_WIDTH, sniffImageFormat } from '@/lib/image-format';
import { parseCreditCard, parseIdCard, type Pixels, type Reader } from '@/reader';
import type { ReadCard } from './device-read';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A ReadCard from a way to start the reader and a way to decode an image: the browser's worker and the
 * Node sandbox server differ only in those two.
 */
export function readCardWith(start: () => Promise<Reader>, decode: (image: Uint8Array) => Promise<Pixels>): ReadCard {
  return async (image, service) => {
    let reader: Reader;
    try {
      reader = await start();
    } catch (error) {
      return { kind: 'unavailable', why: reason(error) };
    }
    const pixels = await decode(image);
    const lines = await reader.read(pixels);
    const size = { width: pixels.width, height: pixels.height };
    const parsed = service === 'credit-card' ? parseCreditCard(lines, size) : parseIdCard(lines, size);
    if (!parsed.ok) return { kind: 'nothing', lookedFor: parsed.lookedFor };
    const low =
      Math.max(size.width, size.height) < MIN_RECOMMENDED_WIDTH ||
      Math.min(size.width, size.height) < MIN_RECOMMENDED_HEIGHT;
    const facts = { fileType: sniffImageFormat(image) === 'png' ? 'png' : 'jpg', resolution: low ? 'low' : 'normal' };
    // The parser builds the service's shape; its quads are image pixels, as the API's are.
    return { kind: 'read', result: { ...parsed.result, ...facts } as unknown as CreditCardResult | IdCardResult };
  };
}
