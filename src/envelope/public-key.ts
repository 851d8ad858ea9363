import { base64ToBytes } from './base64';
import { bitLength, bytesToBigInt } from './big-int';
import { EnvelopeError } from './errors';

export interface RsaPublicKey {
  readonly n: bigint;
  readonly e: bigint;
  /** Modulus length in bytes: every wrapped key is exactly this long. */
  readonly k: number;
  readonly bits: number;
  /** The DER SubjectPublicKeyInfo the key was read from. */
  readonly der: Uint8Array;
}

// Bounds on what a service may hand us (NHN's keys are RSA-2048, e = 65537): a wrap is one modular power,
// whose cost grows with the exponent's bits and the modulus's square, so a larger key is refused before it.
const MAX_EXPONENT = 0x100000001n; // 2^32 + 1
// 1.2.840.113549.1.1.1 rsaEncryption
const RSA_ENCRYPTION_OID = '42,134,72,134,247,13,1,1,1';

/*
 * Why a small DER reader rather than WebCrypto importKey + exportKey('jwk'): it is synchronous,
 * behaves the same in Node and every browser (engines differ on which sizes and exponents they
 * import), and lets us say exactly what is wrong with a key. SPKI needs only four tags.
 */
interface Tlv {
  start: number;
  end: number;
}

function bad(message: string): EnvelopeError {
  return new EnvelopeError('bad-public-key', message);
}

const NOT_SPKI = 'public key is not a DER SubjectPublicKeyInfo';

/** One DER element of the expected tag inside [offset, limit); definite lengths only. */
function readTlv(der: Uint8Array, offset: number, limit: number, tag: number): Tlv {
  if (offset + 2 > limit || der[offset] !== tag) throw bad(NOT_SPKI);
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4) throw bad(NOT_SPKI);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i];
    start += count;
  }
  if (start + length > limit) throw bad(NOT_SPKI);
  return { start, end: start + length };
}

function parseSpki(der: Uint8Array): RsaPublicKey {
  const spki = readTlv(der, 0, der.length, 0x30);
  if (spki.end !== der.length) throw bad(NOT_SPKI);
  const algorithm = readTlv(der, spki.start, spki.end, 0x30);
  const oid = readTlv(der, algorithm.start, algorithm.end, 0x06);
  if (der.subarray(oid.start, oid.end).join() !== RSA_ENCRYPTION_OID) {
    throw bad('public key is not an RSA key');
  }
  const bitString = readTlv(der, algorithm.end, spki.end, 0x03);
  const rsaKey = readTlv(der, bitString.start + 1, bitString.end, 0x30);
  const nTlv = readTlv(der, rsaKey.start, rsaKey.end, 0x02);
  const eTlv = readTlv(der, nTlv.end, rsaKey.end, 0x02);
  // INTEGERs are two's complement: a set top bit means negative, which no RSA key has.
  if (der[bitString.start] !== 0 || der[nTlv.start] & 0x80 || der[eTlv.start] & 0x80) throw bad(NOT_SPKI);
  const n = bytesToBigInt(der.subarray(nTlv.start, nTlv.end));
  const e = bytesToBigInt(der.subarray(eTlv.start, eTlv.end));
  const bits = bitLength(n);
  if (bits < 1024 || bits > 4096) throw bad(`RSA modulus is ${bits} bits, not 1024 to 4096`);
  if (e < 3n || e > MAX_EXPONENT || !(e & 1n)) throw bad('RSA exponent is not an odd number from 3 to 2^32+1');
  return { n, e, k: Math.ceil(bits / 8), bits, der };
}

/** Base64 DER, optionally inside PEM armour, with any whitespace: what `result.key` may hold. */
export function decodePublicKeyText(text: string): Uint8Array {
  return base64ToBytes(String(text).replace(/-----[^-]+-----|\s+/g, ''), 'public key', 'bad-public-key');
}

// Services hand out one key each; a small cap only guards against a caller cycling through many.
const cache = new Map<string, RsaPublicKey>();
const CACHE_LIMIT = 16;

/** Parses (once per key text) an RSA SubjectPublicKeyInfo. */
export function parsePublicKey(text: string): RsaPublicKey {
  const cached = cache.get(text);
  if (cached) return cached;
  const key = parseSpki(decodePublicKeyText(text));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, key);
  return key;
}
