import { describe, expect, it } from 'vitest';
import {
  boundsOf,
  boundsQuad,
  convexHull,
  pointsQuad,
  quadBounds,
  quadCentre,
  quadHeight,
  quadPoints,
  scaleQuad,
  type Quad,
} from './quad';

const rect = (left: number, top: number, width: number, height: number): Quad =>
  boundsQuad({ left, top, right: left + width, bottom: top + height });
/** A 100 × 20 box turned 30° about its top-left corner at (50, 50). */
const turned: Quad = (() => {
  const [c, s] = [Math.cos(Math.PI / 6), Math.sin(Math.PI / 6)];
  const at = (x: number, y: number) => ({ x: 50 + x * c - y * s, y: 50 + x * s + y * c });
  return pointsQuad([at(0, 0), at(100, 0), at(100, 20), at(0, 20)]);
})();
/** Corners out of order, so the edges cross: a bow tie. */
const crossed: Quad = { x1: 0, y1: 0, x2: 10, y2: 10, x3: 10, y3: 0, x4: 0, y4: 10 };

describe('quad', () => {
  it.each([
    ['an upright box', rect(10, 20, 100, 30), 30],
    ['a box turned 30°', turned, 20],
    [
      'a trapezoid, by the mean of its sides',
      pointsQuad([
        { x: 0, y: 0 },
        { x: 10, y: 0 },
        { x: 10, y: 30 },
        { x: 0, y: 10 },
      ]),
      20,
    ],
    ['a point', rect(5, 5, 0, 0), 0],
  ])('measures the text height of %s', (_, q, height) => {
    expect(quadHeight(q)).toBeCloseTo(height, 9);
  });

  it.each([
    ['an upright box', rect(10, 20, 100, 30), { left: 10, top: 20, right: 110, bottom: 50 }],
    ['a crossed quad', crossed, { left: 0, top: 0, right: 10, bottom: 10 }],
    ['a box half off the picture', rect(-50, -10, 170, 50), { left: -50, top: -10, right: 120, bottom: 40 }],
  ])('bounds %s', (_, q, bounds) => {
    expect(quadBounds(q)).toEqual(bounds);
  });

  it('bounds several quads as one, and says NaN when a coordinate is not a number', () => {
    expect(boundsOf([rect(0, 0, 10, 10), rect(30, -5, 10, 10)])).toEqual({ left: 0, top: -5, right: 40, bottom: 10 });
    expect(quadBounds({ ...rect(0, 0, 10, 10), x3: NaN }).right).toBeNaN();
  });

  it.each([
    [1, rect(10, 20, 100, 30)],
    [0.5, rect(5, 10, 50, 15)],
    [2, rect(20, 40, 200, 60)],
  ])('scales a quad by %s', (k, scaled) => {
    expect(scaleQuad(rect(10, 20, 100, 30), k)).toEqual(scaled);
  });

  it('gives the same quad back at scale 1, and the centre of its corners', () => {
    const q = rect(10, 20, 100, 30);
    expect(scaleQuad(q, 1)).toBe(q);
    expect(quadCentre(q)).toEqual({ x: 60, y: 35 });
    expect(quadCentre(turned).x).toBeCloseTo(50 + 50 * Math.cos(Math.PI / 6) - 10 * Math.sin(Math.PI / 6), 9);
  });

  it('goes to points and back, corners in order', () => {
    expect(pointsQuad(quadPoints(turned))).toEqual(turned);
    expect(quadPoints(rect(0, 0, 4, 2))).toEqual([
      { x: 0, y: 0 },
      { x: 4, y: 0 },
      { x: 4, y: 2 },
      { x: 0, y: 2 },
    ]);
  });

  it.each([
    [
      'keeps the corners of a square and drops the inside and edge points',
      [
        [0, 0],
        [2, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [2, 2],
      ],
      4,
    ],
    [
      'makes one region of a crossed quad',
      [
        [0, 0],
        [10, 10],
        [10, 0],
        [0, 10],
      ],
      4,
    ],
    [
      'leaves fewer than three points as they are',
      [
        [1, 1],
        [0, 0],
      ],
      2,
    ],
    [
      'has no area for a quad shrunk to a point',
      [
        [5, 5],
        [5, 5],
        [5, 5],
        [5, 5],
      ],
      2,
    ],
  ])('convex hull: %s', (_, points, corners) => {
    expect(convexHull(points.map(([x, y]) => ({ x, y })))).toHaveLength(corners);
  });
});
