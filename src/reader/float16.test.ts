import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromFloat16Bits, narrowToFloat16, toFloat16Bits, widenFloat16 } from './float16';

const isNaN16 = (h: number) => (h & 0x7c00) === 0x7c00 && (h & 0x3ff) !== 0;

describe('float16', () => {
  it('gives known values their known bits', () => {
    const known: [number, number][] = [
      [0, 0x0000],
      [-0, 0x8000],
      [1, 0x3c00],
      [-2, 0xc000],
      [0.5, 0x3800],
      [65504, 0x7bff], // the largest float16
      [65519.99, 0x7bff],
      [65520, 0x7c00], // halfway to 65536, ties to even: the infinity
      [1e6, 0x7c00],
      [-Infinity, 0xfc00],
      [2 ** -14, 0x0400], // the smallest normal
      [2 ** -24, 0x0001], // the smallest subnormal
      [2 ** -25, 0x0000], // halfway to it, ties to even: zero
      [2 ** -25 * 1.001, 0x0001],
      [3 * 2 ** -25, 0x0002], // between 1 and 2 units, ties to even
      [1023 * 2 ** -24 + 2 ** -25, 0x0400], // rounds up out of the subnormals
      [1 + 2 ** -11, 0x3c00], // ties to even: down
      [1 + 3 * 2 ** -11, 0x3c02], // ties to even: up
      [1 + 2 ** -11 + 2 ** -20, 0x3c01],
      [2 ** -149, 0x0000], // a float32 subnormal
      [1 / 3, 0x3555],
    ];
    for (const [x, bits] of known) expect([x, toFloat16Bits(x)]).toEqual([x, bits]);
    expect(isNaN16(toFloat16Bits(NaN))).toBe(true);
    expect(fromFloat16Bits(0x7e00)).toBeNaN();
    expect(fromFloat16Bits(0x7bff)).toBe(65504);
    expect(fromFloat16Bits(0x0001)).toBe(2 ** -24);
    expect(Object.is(fromFloat16Bits(0x8000), -0)).toBe(true);
  });

  it('brings every float16 back to its own bits', () => {
    for (let h = 0; h < 0x10000; h++) {
      const back = toFloat16Bits(fromFloat16Bits(h));
      if (isNaN16(h)) expect(isNaN16(back)).toBe(true);
      else if (back !== h) expect.unreachable(`0x${h.toString(16)} came back as 0x${back.toString(16)}`);
    }
  });

  it('rounds any float32 to the nearest float16, ties to the even one', () => {
    fc.assert(
      fc.property(fc.float({ noNaN: true, min: -65504, max: 65504 }), (x) => {
        const h = toFloat16Bits(x);
        const distance = (bits: number) => Math.abs(fromFloat16Bits(bits) - x);
        // The neighbours of the same sign (stepping over zero is the other sign's smallest subnormal).
        const magnitude = h & 0x7fff;
        const below = magnitude === 0 ? 0x0001 | (~h & 0x8000) : h - 1;
        const above = magnitude === 0x7bff ? h : h + 1;
        expect(distance(h)).toBeLessThanOrEqual(distance(below));
        expect(distance(h)).toBeLessThanOrEqual(distance(above));
        if (distance(h) === distance(below) || (above !== h && distance(h) === distance(above))) {
          expect(h & 1).toBe(0);
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('widens and narrows whole arrays as value by value', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ noNaN: true })), (values) => {
        const floats = Float32Array.from(values);
        const halves = narrowToFloat16(floats);
        expect([...halves]).toEqual(values.map(toFloat16Bits));
        expect([...widenFloat16(halves)]).toEqual([...halves].map((h) => Math.fround(fromFloat16Bits(h))));
      }),
    );
  });
});
