import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyHomography, rectify, REC_HEIGHT, REC_MIN_WIDTH, squareToQuad, stripWidth } from './rectify';
import { pointsQuad, quadPoints, type Quad } from '@/lib/quad';
import type { Pixels } from './types';

const coord = fc.double({ min: -500, max: 500, noNaN: true });

describe('squareToQuad', () => {
  it('maps the unit square corners onto the quad corners, for any convex quad', () => {
    fc.assert(
      fc.property(
        coord,
        coord,
        fc.double({ min: 20, max: 300, noNaN: true }),
        fc.array(fc.double({ min: -8, max: 8, noNaN: true }), { minLength: 8, maxLength: 8 }),
        (cx, cy, s, jitter) => {
          const quad = [
            { x: cx + jitter[0], y: cy + jitter[1] },
            { x: cx + s + jitter[2], y: cy + jitter[3] },
            { x: cx + s + jitter[4], y: cy + s / 2 + jitter[5] },
            { x: cx + jitter[6], y: cy + s / 2 + jitter[7] },
          ];
          const H = squareToQuad(quad);
          [
            [0, 0],
            [1, 0],
            [1, 1],
            [0, 1],
          ].forEach(([u, v], i) => {
            const p = applyHomography(H, u, v);
            expect(p.x).toBeCloseTo(quad[i].x, 6);
            expect(p.y).toBeCloseTo(quad[i].y, 6);
          });
        },
      ),
    );
  });
});

/** A 200 × 100 image, black left half, white right half. */
function halves(): Pixels {
  const data = new Uint8ClampedArray(200 * 100 * 4);
  for (let y = 0; y < 100; y++)
    for (let x = 0; x < 200; x++) data.fill(x < 100 ? 0 : 255, (y * 200 + x) * 4, (y * 200 + x) * 4 + 3);
  for (let i = 3; i < data.length; i += 4) data[i] = 255;
  return { data, width: 200, height: 100 };
}

const rect = (x: number, y: number, w: number, h: number): Quad =>
  pointsQuad([
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ]);

describe('stripWidth', () => {
  it('keeps the aspect ratio at 48 px high, capped', () => {
    expect(stripWidth(rect(0, 0, 240, 24))).toBe(480);
    expect(stripWidth(rect(0, 0, 2400, 24))).toBe(960);
    expect(stripWidth(rect(0, 0, 10, 0))).toBe(1);
  });
});

describe('rectify', () => {
  it('samples the quad into a normalised strip, padded with zeros to the minimum width', () => {
    const strip = rectify(halves(), rect(50, 10, 100, 40), 960, 320);
    expect(strip.contentWidth).toBe(120);
    expect(strip.width).toBe(320);
    expect(rectify(halves(), rect(0, 0, 10, 40)).width).toBe(REC_MIN_WIDTH);
    const plane = REC_HEIGHT * strip.width;
    expect(strip.data.length).toBe(3 * plane);
    const at = (c: number, x: number, y: number) => strip.data[c * plane + y * strip.width + x];
    for (const c of [0, 1, 2]) {
      expect(at(c, 5, 20)).toBe(-1);
      expect(at(c, 114, 20)).toBe(1);
      expect(at(c, 200, 20)).toBe(0);
    }
    expect(at(0, 59, 24)).toBeGreaterThan(-1);
    expect(at(0, 59, 24)).toBeLessThan(1);
  });

  it('straightens a tilted quad: the boundary stays in the middle of the strip on every row', () => {
    const [a, b, c, d] = quadPoints(rect(60, 30, 80, 40));
    const turn = (p: { x: number; y: number }) => ({
      x: 100 + (p.x - 100) * 0.98 - (p.y - 50) * 0.17,
      y: 50 + (p.x - 100) * 0.17 + (p.y - 50) * 0.98,
    });
    const strip = rectify(halves(), pointsQuad([a, b, c, d].map(turn)));
    const plane = REC_HEIGHT * strip.width;
    for (const y of [2, 24, 45]) {
      const row = Array.from({ length: strip.contentWidth }, (_, x) => strip.data[plane + y * strip.width + x]);
      const crossing = row.findIndex((v) => v > 0);
      expect(Math.abs(crossing - strip.contentWidth / 2)).toBeLessThan(strip.contentWidth * 0.2);
    }
  });

  it('repeats the edge outside the image instead of reading out of bounds', () => {
    const strip = rectify(halves(), rect(-20, -20, 40, 40));
    expect(strip.data.every((v) => Number.isFinite(v))).toBe(true);
    expect(strip.data[0]).toBe(-1);
  });
});

describe('rectify on a large image', () => {
  it('averages fine detail when the line is much taller than the strip', () => {
    const size = 400;
    const data = new Uint8ClampedArray(size * size * 4).fill(255);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) if ((x + y) % 2) data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    const strip = rectify({ data, width: size, height: size }, rect(0, 0, 400, 192));
    const plane = REC_HEIGHT * strip.width;
    for (let i = 0; i < plane; i += 37) expect(Math.abs(strip.data[i])).toBeLessThan(0.05);
  });
});
