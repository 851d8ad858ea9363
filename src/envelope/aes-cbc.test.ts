import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptBytes, decryptText, encryptBytes, encryptText, EnvelopeError, bytesToBase64 } from '@/envelope';

const KEY = Uint8Array.from({ length: 32 }, (_, i) => i);
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function nodeEncrypt(key: Uint8Array, plain: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return new Uint8Array(Buffer.concat([cipher.update(plain), cipher.final()]));
}
function nodeDecrypt(key: Uint8Array, data: Uint8Array): Uint8Array {
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
}

describe('AES-256-CBC known answers (key 00..1f, IV = key[0..16))', () => {
  it.each([
    ['', 'e9c3ef8ab23453e6f0749cd636e7a88e'],
    ['abc', 'e98b50daffee0c8e527bba7859e83713'],
    ['0123456789abcdef', 'e23fc0b91c7bd64425c559736e9b0c58485ec1d6a71e615932325d6506ec3700'],
  ])('encrypts %j to %s', async (text, expected) => {
    expect(hex(await encryptBytes(KEY, new TextEncoder().encode(text)))).toBe(expected);
    expect(await decryptText(KEY, Buffer.from(expected, 'hex').toString('base64'))).toBe(text);
  });
});

describe('AES-256-CBC against node:crypto', () => {
  const lengths = [0, 1, 15, 16, 17, 31, 32, 33, 255, 4096, 65_535, 65_536, 65_537, 1 << 20];
  for (let i = 0; i < 12; i++) lengths.push(randomInt(0, 1 << 20));

  it.each(lengths)('gives identical bytes both ways for %i bytes', async (length) => {
    const key = new Uint8Array(randomBytes(32));
    const plain = new Uint8Array(randomBytes(length));
    const ours = await encryptBytes(key, plain);
    expect(Buffer.from(ours).equals(nodeEncrypt(key, plain))).toBe(true);
    expect(Buffer.from(nodeDecrypt(key, ours)).equals(plain)).toBe(true);
    expect(Buffer.from(await decryptBytes(key, nodeEncrypt(key, plain))).equals(plain)).toBe(true);
  });

  it('requires a 32-byte key', async () => {
    for (const length of [0, 16, 24, 31, 33]) {
      await expect(encryptBytes(new Uint8Array(length), new Uint8Array(1))).rejects.toMatchObject({ code: 'bad-key' });
    }
  });
});

const hangul = fc.string({ unit: fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c)) });

describe('envelope properties', () => {
  it('round-trips any Unicode text, Korean included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), hangul),
        async (key, text) => {
          const wellFormed = text.toWellFormed();
          expect(await decryptText(key, await encryptText(key, wellFormed))).toBe(wellFormed);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips bytes of any length', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ maxLength: 5000 }),
        async (key, plain) => {
          expect(await decryptBytes(key, await encryptBytes(key, plain))).toEqual(plain);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('turns any malformed ciphertext into an EnvelopeError, never a bare DOMException', async () => {
    const malformed = fc.oneof(
      fc.string(), // mostly not Base64
      fc
        .uint8Array({ maxLength: 100 })
        .filter((b) => b.length % 16 !== 0)
        .map(bytesToBase64), // wrong length
      fc.uint8Array({ minLength: 16, maxLength: 64 }).map((b) => bytesToBase64(b).replace(/=+$/, '')), // padding cut
      fc.uint8Array({ minLength: 16, maxLength: 64 }).map((b) => bytesToBase64(b).replaceAll('+', '-')),
    );
    await fc.assert(
      fc.asyncProperty(malformed, async (text) => {
        try {
          await decryptText(KEY, text);
        } catch (error) {
          expect(error).toBeInstanceOf(EnvelopeError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports a wrong key as bad-ciphertext', async () => {
    const cipher = await encryptText(KEY, 'secret');
    const otherKey = new Uint8Array(32).fill(9);
    await expect(decryptText(otherKey, cipher)).rejects.toMatchObject({ code: 'bad-ciphertext' });
  });
});
