import { bigIntToBytes, bytesToBigInt, modPow } from './big-int';
import { EnvelopeError, assertBytes } from './errors';
import type { RsaPublicKey } from './public-key';

export type RandomSource = Pick<Crypto, 'getRandomValues'>;

const MIN_PADDING = 8;

/** Non-zero random bytes: one batch, then redraw only the bytes that came out zero. */
function nonZeroRandomBytes(length: number, random: RandomSource): Uint8Array {
  const bytes = random.getRandomValues(new Uint8Array(length));
  let zeros = bytes.reduce<number[]>((at, b, i) => (b === 0 ? (at.push(i), at) : at), []);
  while (zeros.length > 0) {
    const refill = random.getRandomValues(new Uint8Array(zeros.length));
    zeros = zeros.filter((at, i) => (bytes[at] = refill[i]) === 0);
  }
  return bytes;
}

/** RSAES-PKCS1-v1_5 encryption (RFC 8017 §7.2.1): EM = 00 02 PS 00 M, c = EM^e mod n. */
export function rsaPkcs1v15Encrypt(key: RsaPublicKey, message: Uint8Array, random: RandomSource): Uint8Array {
  assertBytes(message, 'message');
  const { k } = key;
  if (message.length > k - 3 - MIN_PADDING) {
    throw new EnvelopeError('message-too-long', `message is over ${k - 11} bytes`);
  }
  const em = new Uint8Array(k);
  em[1] = 0x02;
  const ps = nonZeroRandomBytes(k - 3 - message.length, random);
  em.set(ps, 2);
  em.set(message, k - message.length);
  return bigIntToBytes(modPow(bytesToBigInt(em), key.e, key.n), k);
}
