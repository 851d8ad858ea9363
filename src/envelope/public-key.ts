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

const MIN_MODULUS_BITS = 1024;
// 1.2.840.113549.1.1.1 rsaEncryption
const RSA_ENCRYPTION_OID = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];

/*
 * Why a small DER reader rather than WebCrypto importKey + exportKey('jwk'): it is synchronous,
 * behaves the same in Node and every browser (engines differ on which sizes and exponents they
 * import), and lets us say exactly what is wrong with a key. SPKI needs only four tags.
 */
interface Tlv {
  tag: number;
  start: number;
  end: number;
}

function bad(message: string): EnvelopeError {
  return new EnvelopeError('bad-public-key', message);
}

function readTlv(der: Uint8Array, offset: number, limit: number, expectedTag: number, what: string): Tlv {
  if (offset + 2 > limit) throw bad(`public key is truncated at ${what}`);
  const tag = der[offset];
  if (tag !== expectedTag) throw bad(`public key: expected ${what}`);
  let length = der[offset + 1];
  let start = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0 || count > 4 || start + count > limit) throw bad(`public key has a bad length at ${what}`);
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i];
    start += count;
  }
  const end = start + length;
  if (end > limit) throw bad(`public key is truncated at ${what}`);
  return { tag, start, end };
}

function readPositiveInteger(der: Uint8Array, tlv: Tlv, what: string): bigint {
  if (tlv.end === tlv.start) throw bad(`public key has an empty ${what}`);
  if (der[tlv.start] & 0x80) throw bad(`public key has a negative ${what}`);
  return bytesToBigInt(der.subarray(tlv.start, tlv.end));
}

function parseSpki(der: Uint8Array): RsaPublicKey {
  const spki = readTlv(der, 0, der.length, 0x30, 'SubjectPublicKeyInfo');
  if (spki.end !== der.length) throw bad('public key has trailing bytes');
  const algorithm = readTlv(der, spki.start, spki.end, 0x30, 'AlgorithmIdentifier');
  const oid = readTlv(der, algorithm.start, algorithm.end, 0x06, 'algorithm OID');
  const oidBytes = der.subarray(oid.start, oid.end);
  if (oidBytes.length !== RSA_ENCRYPTION_OID.length || oidBytes.some((b, i) => b !== RSA_ENCRYPTION_OID[i])) {
    throw bad('public key is not an RSA key (algorithm is not rsaEncryption)');
  }
  const bitString = readTlv(der, algorithm.end, spki.end, 0x03, 'subjectPublicKey');
  if (der[bitString.start] !== 0) throw bad('public key bit string has unused bits');
  const rsaKey = readTlv(der, bitString.start + 1, bitString.end, 0x30, 'RSAPublicKey');
  const nTlv = readTlv(der, rsaKey.start, rsaKey.end, 0x02, 'modulus');
  const eTlv = readTlv(der, nTlv.end, rsaKey.end, 0x02, 'exponent');
  const n = readPositiveInteger(der, nTlv, 'modulus');
  const e = readPositiveInteger(der, eTlv, 'exponent');
  const bits = bitLength(n);
  if (bits < MIN_MODULUS_BITS) throw bad(`RSA modulus is ${bits} bits; at least ${MIN_MODULUS_BITS} are required`);
  if (e < 3n || (e & 1n) === 0n) throw bad(`RSA exponent ${e} is invalid: it must be odd and at least 3`);
  return { n, e, k: Math.ceil(bits / 8), bits, der };
}

/** Base64 DER, optionally inside PEM armour, with any whitespace: what `result.key` may hold. */
export function decodePublicKeyText(text: string): Uint8Array {
  if (typeof text !== 'string') throw bad('public key must be a string');
  const body = text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
  if (body === '') throw bad('public key is empty');
  try {
    return base64ToBytes(body, 'public key');
  } catch (cause) {
    throw new EnvelopeError('bad-public-key', 'public key is not valid Base64', { cause });
  }
}

const cache = new Map<string, RsaPublicKey>();
const CACHE_LIMIT = 32;

/** Parses (once per key text) an RSA SubjectPublicKeyInfo. */
export function parsePublicKey(text: string): RsaPublicKey {
  const cached = cache.get(text);
  if (cached) return cached;
  const key = parseSpki(decodePublicKeyText(text));
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, key);
  return key;
}
