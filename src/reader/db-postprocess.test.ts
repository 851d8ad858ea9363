import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbPostprocess, type ProbMap } from './db-postprocess';
import { insideConvex } from './geometry';
import { quadPoints } from '@/lib/quad';

const blank = (width: number, height: number): ProbMap => ({ data: new Float32Array(width * height), width, height });
const unit = { scaleX: 1, scaleY: 1, imageWidth: 400, imageHeight: 200 };

/** Fills the pixels whose centres fall inside a rectangle of the given centre, size and angle (radians). */
function draw(map: ProbMap, cx: number, cy: number, w: number, h: number, angle: number, p = 0.9) {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  for (let y = 0; y < map.height; y++)
    for (let x = 0; x < map.width; x++) {
      const u = (x - cx) * cos + (y - cy) * sin;
      const v = -(x - cx) * sin + (y - cy) * cos;
      if (Math.abs(u) <= w / 2 && Math.abs(v) <= h / 2) map.data[y * map.width + x] = p;
    }
}

describe('dbPostprocess', () => {
  it('returns nothing for an empty map', () => {
    expect(dbPostprocess(blank(64, 32), unit)).toEqual([]);
  });

  it('finds an upright rectangle, grows it, and orders its corners from the top-left', () => {
    const map = blank(400, 200);
    draw(map, 200.5, 100.5, 120, 20, 0);
    const [region, ...rest] = dbPostprocess(map, unit);
    expect(rest).toEqual([]);
    expect(region.score).toBeCloseTo(0.9, 5);
    const { x1, y1, x3, y3 } = region.quad;
    expect(x1).toBeLessThan(141);
    expect(y1).toBeLessThan(91);
    expect(x3).toBeGreaterThan(260);
    expect(y3).toBeGreaterThan(110);
    expect(x3 - x1).toBeLessThan(150);
  });

  it('covers a rectangle tilted up to ±10° with a box of the same tilt', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.integer({ min: 30, max: 200 }),
        fc.integer({ min: 8, max: 30 }),
        (deg, w, h) => {
          const map = blank(400, 200);
          const angle = (deg * Math.PI) / 180;
          draw(map, 200, 100, w, h, angle);
          const regions = dbPostprocess(map, unit);
          expect(regions).toHaveLength(1);
          const quad = quadPoints(regions[0].quad);
          for (let i = 0; i < map.data.length; i++)
            if (map.data[i] > 0) expect(insideConvex(quad, { x: i % 400, y: Math.floor(i / 400) })).toBe(true);
          // A short box's angle is only as good as its pixels allow.
          const top = Math.atan2(quad[1].y - quad[0].y, quad[1].x - quad[0].x);
          expect(Math.abs(top - angle)).toBeLessThan(Math.atan2(2, w) + 0.01);
          // The first corner is the top-left in the rectangle's own frame.
          const u = (quad[0].x - 200) * Math.cos(angle) + (quad[0].y - 100) * Math.sin(angle);
          const v = -(quad[0].x - 200) * Math.sin(angle) + (quad[0].y - 100) * Math.cos(angle);
          expect(u).toBeLessThan(-w / 2);
          expect(v).toBeLessThan(-h / 2);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps separate lines apart and maps them to image pixels', () => {
    const map = blank(200, 100);
    draw(map, 60, 20, 80, 10, 0);
    draw(map, 100, 70, 120, 12, 0);
    const regions = dbPostprocess(map, { scaleX: 2, scaleY: 2, imageWidth: 400, imageHeight: 200 });
    expect(regions).toHaveLength(2);
    const ys = regions.map((r) => (r.quad.y1 + r.quad.y3) / 2).sort((a, b) => a - b);
    expect(ys[0]).toBeCloseTo(40, 0);
    expect(ys[1]).toBeCloseTo(140, 0);
  });

  it('drops faint regions and specks', () => {
    const map = blank(200, 100);
    draw(map, 60, 20, 80, 10, 0, 0.5);
    draw(map, 150, 70, 2, 2, 0);
    expect(dbPostprocess(map, unit)).toEqual([]);
  });

  it('finds text that a faint mark joins into one low-scoring region (a watermark across a number group)', () => {
    const map = blank(400, 200);
    draw(map, 200, 100, 300, 40, -0.3, 0.35);
    draw(map, 200, 100, 60, 16, 0, 0.95);
    const regions = dbPostprocess(map, unit);
    expect(regions).toHaveLength(1);
    const { x1, y1, x3, y3 } = regions[0].quad;
    expect(x1).toBeLessThanOrEqual(170);
    expect(x3).toBeGreaterThanOrEqual(230);
    expect(x3 - x1).toBeLessThan(100);
    expect(y3 - y1).toBeLessThan(40);
  });

  it('clips boxes to the image', () => {
    const map = blank(100, 50);
    draw(map, 10, 25, 30, 10, 0);
    const [r] = dbPostprocess(map, { scaleX: 1, scaleY: 1, imageWidth: 100, imageHeight: 50 });
    expect(Math.min(r.quad.x1, r.quad.x4)).toBe(0);
  });
});
