import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, EnvelopeError, parsePublicKey } from '@/envelope';

function spkiBase64(bits: number, publicExponent = 65537): string {
  return generateKeyPairSync('rsa', { modulusLength: bits, publicExponent })
    .publicKey.export({ type: 'spki', format: 'der' })
    .toString('base64');
}

/** A hand-built SPKI, to make keys OpenSSL refuses to generate. */
function derSpki(n: bigint, e: bigint): string {
  const len = (l: number) => (l < 128 ? [l] : l < 256 ? [0x81, l] : [0x82, l >> 8, l & 255]);
  const tlv = (tag: number, body: number[]) => [tag, ...len(body.length), ...body];
  const int = (v: bigint) => {
    let h = v.toString(16);
    if (h.length % 2) h = '0' + h;
    const bytes = [...Buffer.from(h, 'hex')];
    return tlv(0x02, bytes[0] & 0x80 ? [0, ...bytes] : bytes);
  };
  const algorithm = tlv(0x30, [0x06, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1, 0x05, 0]);
  const rsaKey = tlv(0x30, [...int(n), ...int(e)]);
  return bytesToBase64(new Uint8Array(tlv(0x30, [...algorithm, ...tlv(0x03, [0, ...rsaKey])])));
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

  it('rejects a modulus under 1024 bits', () => {
    expect(() => parsePublicKey(spkiBase64(512))).toThrow(/512 bits; at least 1024/);
  });

  it('rejects an even exponent', () => {
    const n = parsePublicKey(base64).n;
    expect(() => parsePublicKey(derSpki(n, 65536n))).toThrow(/exponent 65536 is invalid/);
    expect(parsePublicKey(derSpki(n, 3n)).e).toBe(3n);
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
