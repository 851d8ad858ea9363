import { EnvelopeError, assertBytes } from './errors';

const BLOCK = 16;

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

// Key and IV lengths are left to WebCrypto, which rejects bad ones; the public API checks its key first.

async function importAesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return subtle().importKey('raw', key as BufferSource, 'AES-CBC', false, [usage]);
}

/** AES-CBC with PKCS#7 padding and an explicit IV (WebCrypto always pads). */
export async function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  assertBytes(plain, 'plain');
  const cryptoKey = await importAesKey(key, 'encrypt');
  const out = await subtle().encrypt({ name: 'AES-CBC', iv: iv as BufferSource }, cryptoKey, plain as BufferSource);
  return new Uint8Array(out);
}

export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, cipher: Uint8Array): Promise<Uint8Array> {
  // A non-Uint8Array fails here too: its length is not a multiple of 16.
  if (!(cipher instanceof Uint8Array) || cipher.length === 0 || cipher.length % BLOCK !== 0) {
    throw new EnvelopeError('bad-ciphertext', `ciphertext length ${cipher.length} is not a positive multiple of 16`);
  }
  const cryptoKey = await importAesKey(key, 'decrypt');
  try {
    const out = await subtle().decrypt({ name: 'AES-CBC', iv: iv as BufferSource }, cryptoKey, cipher as BufferSource);
    return new Uint8Array(out);
  } catch (cause) {
    // WebCrypto reports bad padding as a bare OperationError; a wrong key looks the same.
    throw new EnvelopeError('bad-ciphertext', 'bad padding or wrong key', { cause });
  }
}
