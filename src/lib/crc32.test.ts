import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

describe('crc32', () => {
  it('matches the published check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  it('agrees with zlib on any bytes, including lengths that are not a multiple of eight', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with zlib on a subarray that does not start at offset 0', () => {
    const bytes = new Uint8Array(4099).map((_, i) => (i * 2654435761) >>> 13);
    expect(crc32(bytes.subarray(3, 4000))).toBe(zlibCrc32(bytes.subarray(3, 4000)));
  });
});
