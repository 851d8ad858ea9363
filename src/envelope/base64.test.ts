import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '@/envelope';

describe('Base64', () => {
  it('matches Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('encodes a 20 MB image without blowing the stack', () => {
    const bytes = new Uint8Array(randomBytes(20 * 1024 * 1024));
    const text = bytesToBase64(bytes);
    expect(text.length).toBe(Math.ceil(bytes.length / 3) * 4);
    expect(base64ToBytes(text).length).toBe(bytes.length);
  });

  it.each(['abc', 'ab=c', 'ab-_', 'YWJj\v', 'YQ'])('rejects non-standard %j', (text) => {
    expect(() => base64ToBytes(text)).toThrow(/not standard Base64/);
  });
});
