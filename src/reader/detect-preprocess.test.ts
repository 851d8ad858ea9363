import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DET_MAX_SIDE, detectPreprocess, detSize, resizeRgba, toChwBgr } from './detect-preprocess';
import type { Pixels } from './types';

const solid = (width: number, height: number, rgba: [number, number, number, number]): Pixels => {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { data, width, height };
};

describe('detSize', () => {
  it('keeps sides as multiples of 32, the longer at most the limit and each at least 32', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), (w, h) => {
        const s = detSize(w, h);
        expect(s.width % 32).toBe(0);
        expect(s.height % 32).toBe(0);
        expect(Math.max(s.width, s.height)).toBeLessThanOrEqual(DET_MAX_SIDE);
        expect(Math.min(s.width, s.height)).toBeGreaterThanOrEqual(32);
      }),
    );
  });

  it('scales a large photo down and keeps a small one near its size', () => {
    expect(detSize(4000, 3000)).toEqual({ width: 640, height: 480 });
    expect(detSize(4000, 3000, 960)).toEqual({ width: 960, height: 736 });
    expect(detSize(1000, 630, 960)).toEqual({ width: 960, height: 608 });
    expect(detSize(600, 378)).toEqual({ width: 608, height: 384 });
    expect(detSize(10, 10)).toEqual({ width: 32, height: 32 });
  });
});

describe('resizeRgba', () => {
  it('keeps a flat colour flat at any size', () => {
    const out = resizeRgba(solid(97, 41, [10, 200, 30, 255]), 64, 32);
    expect(out.width).toBe(64);
    expect(new Set(out.data).size).toBeLessThanOrEqual(4);
    expect([...out.data.slice(0, 4)]).toEqual([10, 200, 30, 255]);
  });

  it('averages when shrinking a lot, so a fine checkerboard turns grey', () => {
    const px = solid(64, 64, [0, 0, 0, 255]);
    for (let y = 0; y < 64; y++)
      for (let x = 0; x < 64; x++) if ((x + y) % 2) px.data.fill(255, (y * 64 + x) * 4, (y * 64 + x) * 4 + 3);
    const out = resizeRgba(px, 16, 16);
    for (let i = 0; i < out.data.length; i += 4) expect(Math.abs(out.data[i] - 127.5)).toBeLessThan(2);
  });

  it('interpolates between neighbours when enlarging', () => {
    const px: Pixels = { data: new Uint8ClampedArray([0, 0, 0, 255, 200, 200, 200, 255]), width: 2, height: 1 };
    const out = resizeRgba(px, 4, 1);
    expect([out.data[0], out.data[4], out.data[8], out.data[12]]).toEqual([0, 50, 150, 200]);
  });
});

describe('toChwBgr', () => {
  it('puts blue first and normalises each channel by its own mean and std', () => {
    const out = toChwBgr(solid(2, 1, [255, 0, 51, 255]), [0.5, 0, 0], [0.5, 1, 2]);
    [-0.6, -0.6, 0, 0, 0.5, 0.5].forEach((v, i) => expect(out[i]).toBeCloseTo(v, 5));
  });

  it('composites transparent pixels on white', () => {
    const out = toChwBgr(solid(1, 1, [0, 0, 0, 0]), [0, 0, 0], [1, 1, 1]);
    expect([...out]).toEqual([1, 1, 1]);
  });
});

describe('detectPreprocess', () => {
  it('returns CHW data of the detector size and the factors back to image pixels', () => {
    const input = detectPreprocess(solid(1000, 630, [255, 255, 255, 255]), 960);
    expect(input).toMatchObject({ width: 960, height: 608 });
    expect(input.data.length).toBe(3 * 960 * 608);
    expect(input.scaleX * input.width).toBeCloseTo(1000);
    expect(input.scaleY * input.height).toBeCloseTo(630);
    expect(input.data[0]).toBeCloseTo((1 - 0.485) / 0.229, 5);
  });
});
