// IEEE 754 half precision, as bit patterns in a Uint16Array (Node 20 has neither Math.f16round nor
// Float16Array): float32 to float16 rounds to the nearest, ties to even, through the subnormals, and
// anything past 65504 that does not round down becomes an infinity.

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** The float16 nearest to `x` (as float32 first), as its 16 bits. NaN stays a NaN, with its sign. */
export function toFloat16Bits(x: number): number {
  f32[0] = x;
  const bits = u32[0];
  const sign = (bits >>> 16) & 0x8000;
  const exp = (bits >>> 23) & 0xff;
  const mant = bits & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 | (mant >>> 13) : 0);
  // A float32 subnormal is far below half of float16's smallest subnormal.
  if (exp === 0) return sign;
  const e = exp - 112; // float16's biased exponent
  if (e >= 0x1f) return sign | 0x7c00;
  if (e >= 1) return sign | roundShift((e << 23) | mant, 13);
  // Subnormal: the value in units of 2^-24, the smallest float16 subnormal.
  const shift = 126 - exp;
  return shift > 24 ? sign : sign | roundShift(0x800000 | mant, shift);
}

/**
 * `n >> shift`, rounded to the nearest and ties to even. A carry out of the mantissa moves into the
 * exponent, which is the right encoding (up to infinity).
 */
function roundShift(n: number, shift: number): number {
  const q = n >>> shift;
  const rest = n - q * 2 ** shift;
  const half = 2 ** (shift - 1);
  return rest > half || (rest === half && q & 1) ? q + 1 : q;
}

/** The value of a float16 given as its 16 bits. */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

let table: Float32Array | null = null;

/** Every float16 widened to float32 (exact: float32 holds each of them). */
export function widenFloat16(halves: Uint16Array): Float32Array {
  if (!table) {
    table = new Float32Array(0x10000);
    for (let h = 0; h < 0x10000; h++) table[h] = fromFloat16Bits(h);
  }
  const out = new Float32Array(halves.length);
  for (let i = 0; i < halves.length; i++) out[i] = table[halves[i]];
  return out;
}

/** Every float32 rounded to float16. */
export function narrowToFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toFloat16Bits(values[i]);
  return out;
}
