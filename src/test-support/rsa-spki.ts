import { bytesToBase64 } from '@/envelope';

/**
 * Base64 of a hand-built RSA SubjectPublicKeyInfo, for keys OpenSSL refuses to generate (or takes
 * seconds over): any modulus and any exponent.
 */
export function rsaSpkiBase64(n: bigint, e: bigint): string {
  const len = (l: number) => {
    const bytes: number[] = [];
    for (let rest = l; rest > 0; rest >>= 8) bytes.unshift(rest & 255);
    return l < 128 ? [l] : [0x80 | bytes.length, ...bytes];
  };
  const tlv = (tag: number, body: number[]) => [tag, ...len(body.length), ...body];
  const int = (v: bigint) => {
    let h = v.toString(16);
    if (h.length % 2) h = '0' + h;
    const bytes = Buffer.from(h, 'hex');
    return tlv(0x02, bytes[0] & 0x80 ? [0, ...bytes] : [...bytes]);
  };
  const algorithm = tlv(0x30, [0x06, 9, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 1, 1, 1, 0x05, 0]);
  const rsaKey = tlv(0x30, [...int(n), ...int(e)]);
  return bytesToBase64(new Uint8Array(tlv(0x30, [...algorithm, ...tlv(0x03, [0, ...rsaKey])])));
}

/** An odd modulus of exactly `bits` bits: not a product of two primes, which no check here needs. */
export const modulusOfBits = (bits: number): bigint => (1n << BigInt(bits - 1)) + 1n;
