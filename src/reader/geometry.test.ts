import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexHull } from '@/lib/quad';
import { insideConvex, minAreaRect, orderCorners, rectCorners, signedArea2 } from './geometry';

describe('convexHull', () => {
  it('contains every input point', () => {
    const pt = fc.record({ x: fc.integer({ min: -50, max: 50 }), y: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(pt, { minLength: 3, maxLength: 40 }), (pts) => {
        const hull = convexHull(pts);
        if (hull.length < 3) return;
        for (const p of pts) expect(insideConvex(hull, p)).toBe(true);
      }),
    );
  });
});

describe('minAreaRect', () => {
  it('finds a rotated rectangle from its corners, whatever the angle', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        fc.double({ min: 5, max: 300, noNaN: true }),
        fc.double({ min: 5, max: 60, noNaN: true }),
        (angle, w, h) => {
          const corners = rectCorners({
            center: { x: 100, y: 50 },
            axis: { x: Math.cos(angle), y: Math.sin(angle) },
            width: w,
            height: h,
          });
          const r = minAreaRect(convexHull(corners));
          expect(r.width * r.height).toBeCloseTo(w * h, 3);
          expect(r.center.x).toBeCloseTo(100, 6);
          expect(r.center.y).toBeCloseTo(50, 6);
        },
      ),
    );
  });
});

describe('orderCorners', () => {
  it('starts at the top-left and runs clockwise for text tilted under 45°', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.7, max: 0.7, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (angle, shift, reverse) => {
          const upright = rectCorners({
            center: { x: 0, y: 0 },
            axis: { x: Math.cos(angle), y: Math.sin(angle) },
            width: 200,
            height: 30,
          });
          let mixed = [...upright.slice(shift), ...upright.slice(0, shift)];
          if (reverse) mixed = mixed.reverse();
          const ordered = orderCorners(mixed);
          expect(signedArea2(ordered)).toBeGreaterThan(0);
          expect(ordered[0].x).toBeCloseTo(upright[0].x, 9);
          expect(ordered[0].y).toBeCloseTo(upright[0].y, 9);
        },
      ),
    );
  });
});
