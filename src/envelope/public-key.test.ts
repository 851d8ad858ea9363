import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeError, parsePublicKey } from '@/envelope';
import { modulusOfBits, rsaSpkiBase64 as derSpki } from '@/test-support/rsa-spki';

function spkiBase64(bits: number, publicExponent = 65537): string {
  return generateKeyPairSync('rsa', { modulusLength: bits, publicExponent })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64');
}

describe('parsePublicKey', () => {
  const base64 = spkiBase64(2048);

  it('reads n, e and the modulus length from Base64 DER', () => {
    const key = parsePublicKey(base64);
    expect(key.bits).toBe(2048);
    expect(key.k).toBe(256);
    expect(key.e).toBe(65537n);
  });

  it('accepts PEM armour and whitespace', () => {
    const pem = `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`;
    expect(parsePublicKey(pem).n).toBe(parsePublicKey(base64).n);
    expect(parsePublicKey(`  ${base64.slice(0, 100)}\r\n ${base64.slice(100)}\t`).n).toBe(parsePublicKey(base64).n);
  });

  it('caches the parsed key per key string', () => {
    expect(parsePublicKey(base64)).toBe(parsePublicKey(base64));
  });

  it('accepts moduli from 1024 to 4096 bits', () => {
    expect(parsePublicKey(spkiBase64(1024)).bits).toBe(1024);
    expect(parsePublicKey(spkiBase64(4096)).bits).toBe(4096);
  });

  it('refuses a modulus under 1024 bits, saying how long it is', () => {
    expect(() => parsePublicKey(spkiBase64(512))).toThrow('RSA modulus is 512 bits, not 1024 to 4096');
  });

  it.each([1023, 4097, 8192])('refuses a modulus of %i bits', (bits) => {
    expect(() => parsePublicKey(derSpki(modulusOfBits(bits), 65537n))).toThrow(
      `RSA modulus is ${bits} bits, not 1024 to 4096`,
    );
  });

  it('refuses a modulus of megabits before any wrap', () => {
    // 2^(8·2^17) - 1: a million bits, which a modular power would take minutes over.
    const huge = (1n << 1_048_576n) - 1n;
    expect(() => parsePublicKey(derSpki(huge, 65537n))).toThrow('RSA modulus is 1048576 bits');
  });

  it.each([
    ['even', 65536n],
    ['under 3', 1n],
    ['over 2^32+1', (1n << 32n) + 3n],
    ['of 2048 bits', (1n << 2047n) + 1n],
  ])('refuses an exponent %s with its own message', (_, e) => {
    const n = parsePublicKey(base64).n;
    expect(() => parsePublicKey(derSpki(n, e))).toThrow('RSA exponent is not an odd number from 3 to 2^32+1');
  });

  it('accepts odd exponents from 3 to 2^32+1', () => {
    const n = parsePublicKey(base64).n;
    for (const e of [3n, 65537n, (1n << 32n) + 1n]) expect(parsePublicKey(derSpki(n, e)).e).toBe(e);
  });

  it('rejects keys that are not RSA', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'der' });
    expect(() => parsePublicKey(ec.toString('base64'))).toThrow(/not an RSA key/);
  });

  it.each([
    ['empty', ''],
    ['not Base64', 'this is not a key!'],
    ['truncated', base64.slice(0, 200)],
    ['junk DER', 'AAAAAAAA'],
  ])('rejects %s input with bad-public-key', (_, text) => {
    expect(() => parsePublicKey(text)).toThrow(EnvelopeError);
    try {
      parsePublicKey(text);
    } catch (error) {
      expect((error as EnvelopeError).code).toBe('bad-public-key');
    }
  });
});
