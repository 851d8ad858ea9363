import { bigIntToBytes, bitLength, bytesToBase64, bytesToBigInt, modPow, parsePublicKey } from '@/envelope';

// The sandbox plays the server, so it needs RSA decryption in the browser. WebCrypto offers no
// PKCS#1 v1.5 decryption, so this is our own BigInt code (CRT). It lives here, not in the envelope
// the app ships for its own requests.
export interface RsaPrivateKey {
  n: bigint;
  e: bigint;
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qi: bigint;
  k: number;
}

export interface RsaKeyPair {
  privateKey: RsaPrivateKey;
  /** Base64 DER SubjectPublicKeyInfo, what GET public-keys answers as result.key. */
  publicKeyBase64: string;
}

function base64UrlToBigInt(text: string): bigint {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return bytesToBigInt(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function privateKeyFromJwk(jwk: JsonWebKey): RsaPrivateKey {
  const read = (name: keyof JsonWebKey) => {
    const value = jwk[name];
    if (typeof value !== 'string') throw new Error(`JWK has no ${name}`);
    return base64UrlToBigInt(value);
  };
  const n = read('n');
  return {
    n,
    e: read('e'),
    p: read('p'),
    q: read('q'),
    dp: read('dp'),
    dq: read('dq'),
    qi: read('qi'),
    k: Math.ceil(bitLength(n) / 8),
  };
}

export async function generateRsaKeyPair(modulusLength = 2048): Promise<RsaKeyPair> {
  const pair = await crypto.subtle.generateKey(
    { name: 'RSA-OAEP', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['encrypt', 'decrypt'],
  );
  const [spki, jwk] = await Promise.all([
    crypto.subtle.exportKey('spki', pair.publicKey),
    crypto.subtle.exportKey('jwk', pair.privateKey),
  ]);
  const publicKeyBase64 = bytesToBase64(new Uint8Array(spki));
  // The sandbox hands out only keys the app's own client would take (its bounds on size and exponent).
  parsePublicKey(publicKeyBase64);
  return { privateKey: privateKeyFromJwk(jwk), publicKeyBase64 };
}

/** c^d mod n by the Chinese remainder theorem (RFC 8017 §5.1.2). */
export function rsaDecryptPrimitive(key: RsaPrivateKey, c: bigint): bigint {
  const m1 = modPow(c, key.dp, key.p);
  const m2 = modPow(c, key.dq, key.q);
  const h = (((m1 - m2) % key.p) + key.p) % key.p;
  return m2 + ((key.qi * h) % key.p) * key.q;
}

/**
 * RSAES-PKCS1-v1_5 decryption with every check of RFC 8017 §7.2.2: ciphertext of exactly k bytes
 * and below n, EM = 00 02 PS 00 M with PS of at least 8 non-zero bytes. `expectedLength` pins M
 * (the protocol's symmetric key is 32 bytes). Returns null for any failure, without saying which.
 */
export function unwrapPkcs1v15(key: RsaPrivateKey, ciphertext: Uint8Array, expectedLength?: number): Uint8Array | null {
  if (ciphertext.length !== key.k) return null;
  const c = bytesToBigInt(ciphertext);
  if (c >= key.n) return null;
  const em = bigIntToBytes(rsaDecryptPrimitive(key, c), key.k);
  if (em[0] !== 0x00 || em[1] !== 0x02) return null;
  const separator = em.indexOf(0x00, 2);
  if (separator < 2 + 8) return null;
  const message = em.slice(separator + 1);
  if (expectedLength !== undefined && message.length !== expectedLength) return null;
  return message;
}
