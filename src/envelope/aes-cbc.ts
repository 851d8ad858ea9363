import { EnvelopeError, assertBytes } from './errors';

const BLOCK = 16;

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

function assertAesKey(key: Uint8Array, name: string): void {
  assertBytes(key, name);
  if (key.length !== 16 && key.length !== 24 && key.length !== 32) {
    throw new EnvelopeError('bad-key', `${name} must be 16, 24 or 32 bytes, got ${key.length}`);
  }
}

function assertIv(iv: Uint8Array): void {
  assertBytes(iv, 'iv');
  if (iv.length !== BLOCK) throw new EnvelopeError('bad-input', `iv must be 16 bytes, got ${iv.length}`);
}

async function importAesKey(key: Uint8Array, usage: KeyUsage): Promise<CryptoKey> {
  return subtle().importKey('raw', key as BufferSource, 'AES-CBC', false, [usage]);
}

/** AES-CBC with PKCS#7 padding and an explicit IV (WebCrypto always pads). */
export async function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plain: Uint8Array): Promise<Uint8Array> {
  assertAesKey(key, 'key');
  assertIv(iv);
  assertBytes(plain, 'plain');
  const cryptoKey = await importAesKey(key, 'encrypt');
  const out = await subtle().encrypt({ name: 'AES-CBC', iv: iv as BufferSource }, cryptoKey, plain as BufferSource);
  return new Uint8Array(out);
}

export async function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, cipher: Uint8Array): Promise<Uint8Array> {
  assertAesKey(key, 'key');
  assertIv(iv);
  assertBytes(cipher, 'cipher');
  if (cipher.length === 0 || cipher.length % BLOCK !== 0) {
    throw new EnvelopeError(
      'bad-ciphertext',
      `ciphertext length must be a positive multiple of 16 bytes, got ${cipher.length}`,
    );
  }
  const cryptoKey = await importAesKey(key, 'decrypt');
  try {
    const out = await subtle().decrypt({ name: 'AES-CBC', iv: iv as BufferSource }, cryptoKey, cipher as BufferSource);
    return new Uint8Array(out);
  } catch (cause) {
    // WebCrypto reports bad padding as a bare OperationError; a wrong key looks the same.
    throw new EnvelopeError('bad-ciphertext', 'ciphertext did not decrypt: bad padding or wrong key', { cause });
  }
}
