import { constants, generateKeyPairSync, privateDecrypt, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, EnvelopeError, generateSymmetricKey, parsePublicKey, wrapSymmetricKey } from '@/envelope';
import { rsaPkcs1v15Encrypt, type RandomSource } from './rsa-pkcs1';

function rsaKeyPair(bits: number): { publicKeyBase64: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return { publicKeyBase64: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'), privateKey };
}

/** OpenSSL does the RSA; the PKCS#1 v1.5 layout is checked here (Node 20 refuses PKCS1 decryption). */
function openSslUnwrap(privateKey: KeyObject, wrapped: Uint8Array): { em: Uint8Array; message: Uint8Array } {
  const em = new Uint8Array(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, wrapped));
  expect(em[0]).toBe(0x00);
  expect(em[1]).toBe(0x02);
  const separator = em.indexOf(0x00, 2);
  expect(separator).toBeGreaterThanOrEqual(2 + 8);
  expect(em.subarray(2, separator).every((b) => b !== 0)).toBe(true);
  return { em, message: em.subarray(separator + 1) };
}

describe('wrapSymmetricKey against OpenSSL', () => {
  for (const bits of [1024, 2048, 3072, 4096]) {
    it(`wraps 200 keys that OpenSSL unwraps at ${bits} bits`, async () => {
      const { publicKeyBase64, privateKey } = rsaKeyPair(bits);
      const seen = new Set<string>();
      for (let i = 0; i < 200; i++) {
        const symmetricKey = generateSymmetricKey();
        const wrapped = await wrapSymmetricKey(publicKeyBase64, symmetricKey);
        expect(seen.has(wrapped)).toBe(false);
        seen.add(wrapped);
        const bytes = base64ToBytes(wrapped);
        expect(bytes.length).toBe(bits / 8);
        const { em, message } = openSslUnwrap(privateKey, bytes);
        expect(em.length - message.length - 3).toBe(bits / 8 - 35); // PS fills the rest
        expect(message).toEqual(symmetricKey);
      }
    });
  }
});

describe('rsaPkcs1v15Encrypt', () => {
  const { publicKeyBase64, privateKey } = rsaKeyPair(1024);
  const key = parsePublicKey(publicKeyBase64);

  it('refills only the padding bytes that came out zero', () => {
    const draws: number[] = [];
    let call = 0;
    const random: RandomSource = {
      getRandomValues<T extends ArrayBufferView | null>(array: T): T {
        const bytes = array as unknown as Uint8Array;
        draws.push(bytes.length);
        // First batch: every third byte zero; refills: all 0x55.
        bytes.forEach((_, i) => (bytes[i] = call === 0 ? (i % 3 === 0 ? 0 : 0xaa) : 0x55));
        call++;
        return array;
      },
    };
    const message = new Uint8Array(32).fill(7);
    const wrapped = rsaPkcs1v15Encrypt(key, message, random);
    const { em } = openSslUnwrap(privateKey, wrapped);
    const psLength = 128 - 3 - 32;
    expect(draws).toEqual([psLength, Math.ceil(psLength / 3)]);
    const ps = em.subarray(2, 2 + psLength);
    ps.forEach((b, i) => expect(b).toBe(i % 3 === 0 ? 0x55 : 0xaa));
  });

  it('accepts a message of exactly k - 11 bytes and refuses one byte more', () => {
    const fits = new Uint8Array(128 - 11).fill(1);
    expect(openSslUnwrap(privateKey, rsaPkcs1v15Encrypt(key, fits, crypto)).message).toEqual(fits);
    expect(() => rsaPkcs1v15Encrypt(key, new Uint8Array(128 - 10), crypto)).toThrow(EnvelopeError);
  });

  it('always returns exactly k bytes, even when the integer is short', () => {
    // Over many wraps some ciphertexts have leading zero bytes (about 1 in 256).
    for (let i = 0; i < 600; i++) expect(rsaPkcs1v15Encrypt(key, new Uint8Array(32), crypto).length).toBe(128);
  });

  it('refuses a symmetric key that is not 32 bytes', async () => {
    await expect(wrapSymmetricKey(publicKeyBase64, new Uint8Array(16))).rejects.toMatchObject({ code: 'bad-key' });
  });
});
