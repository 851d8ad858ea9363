import { aesCbcDecrypt, aesCbcEncrypt } from './aes-cbc';
import { base64ToBytes, bytesToBase64 } from './base64';
import { EnvelopeError, assertBytes } from './errors';
import { parsePublicKey } from './public-key';
import { rsaPkcs1v15Encrypt, type RandomSource } from './rsa-pkcs1';

export { EnvelopeError, type EnvelopeErrorCode } from './errors';
export { base64ToBytes, bytesToBase64 } from './base64';
export { parsePublicKey, type RsaPublicKey } from './public-key';
export type { RandomSource } from './rsa-pkcs1';
// The sandbox's RSA private key is built from the same arithmetic.
export { bigIntToBytes, bitLength, bytesToBigInt, modPow } from './big-int';

const SYMMETRIC_KEY_BYTES = 32;

function assertSymmetricKey(key: Uint8Array, name = 'symmetricKey'): void {
  assertBytes(key, name);
  if (key.length !== SYMMETRIC_KEY_BYTES) {
    throw new EnvelopeError('bad-key', `${name} must be ${SYMMETRIC_KEY_BYTES} bytes, got ${key.length}`);
  }
}

/** The protocol's IV is the first 16 bytes of the symmetric key itself. */
const ivOf = (key: Uint8Array): Uint8Array => key.subarray(0, 16);

/** 32 fresh random bytes: one per request, never reused. */
export function generateSymmetricKey(random: RandomSource = globalThis.crypto): Uint8Array {
  return random.getRandomValues(new Uint8Array(SYMMETRIC_KEY_BYTES));
}

/** Base64 of RSAES-PKCS1-v1_5(publicKey, symmetricKey), for the `Symmetric-Key` header. */
// Async by contract, so that bad input rejects like every other envelope call instead of throwing.
// eslint-disable-next-line @typescript-eslint/require-await
export async function wrapSymmetricKey(
  publicKeyBase64: string,
  symmetricKey: Uint8Array,
  random: RandomSource = globalThis.crypto,
): Promise<string> {
  assertSymmetricKey(symmetricKey);
  return bytesToBase64(rsaPkcs1v15Encrypt(parsePublicKey(publicKeyBase64), symmetricKey, random));
}

export async function encryptBytes(symmetricKey: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  assertSymmetricKey(symmetricKey);
  return aesCbcEncrypt(symmetricKey, ivOf(symmetricKey), plain);
}

export async function decryptBytes(symmetricKey: Uint8Array, cipher: Uint8Array): Promise<Uint8Array> {
  assertSymmetricKey(symmetricKey);
  return aesCbcDecrypt(symmetricKey, ivOf(symmetricKey), cipher);
}

export async function encryptText(symmetricKey: Uint8Array, text: string): Promise<string> {
  if (typeof text !== 'string') throw new EnvelopeError('bad-input', 'text must be a string');
  return bytesToBase64(await encryptBytes(symmetricKey, new TextEncoder().encode(text)));
}

export async function decryptText(symmetricKey: Uint8Array, base64Cipher: string): Promise<string> {
  assertSymmetricKey(symmetricKey);
  const plain = await decryptBytes(symmetricKey, base64ToBytes(base64Cipher, 'ciphertext'));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch (cause) {
    throw new EnvelopeError('bad-ciphertext', 'decrypted text is not valid UTF-8', { cause });
  }
}
