// Points and quadrilaterals: one shape for the service's boxes, the reader's lines, the viewer and the
// cover, so that a quad's height, bounds or scale is worked out one way everywhere.

export interface Point {
  x: number;
  y: number;
}

/** A quadrilateral, corners clockwise from the top-left (top edge first). Never axis-aligned by assumption. */
export interface Quad {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly x3: number;
  readonly y3: number;
  readonly x4: number;
  readonly y4: number;
}

/** An axis-aligned box by its edges. */
export interface Bounds {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const quadPoints = (q: Quad): [Point, Point, Point, Point] => [
  { x: q.x1, y: q.y1 },
  { x: q.x2, y: q.y2 },
  { x: q.x3, y: q.y3 },
  { x: q.x4, y: q.y4 },
];

export const pointsQuad = ([a, b, c, d]: readonly Point[]): Quad => ({
  x1: a.x,
  y1: a.y,
  x2: b.x,
  y2: b.y,
  x3: c.x,
  y3: c.y,
  x4: d.x,
  y4: d.y,
});

/** The axis-aligned quad of a box. */
export const boundsQuad = ({ left, top, right, bottom }: Bounds): Quad => ({
  x1: left,
  y1: top,
  x2: right,
  y2: top,
  x3: right,
  y3: bottom,
  x4: left,
  y4: bottom,
});

/**
 * The quad in a picture `k` times the size of its own, or `k` times as wide and `ky` times as tall
 * (1 and 1 give back `q` itself).
 */
export function scaleQuad(q: Quad, k: number, ky = k): Quad {
  if (k === 1 && ky === 1) return q;
  return {
    x1: q.x1 * k,
    y1: q.y1 * ky,
    x2: q.x2 * k,
    y2: q.y2 * ky,
    x3: q.x3 * k,
    y3: q.y3 * ky,
    x4: q.x4 * k,
    y4: q.y4 * ky,
  };
}

/** The height across a quad's line of text: the mean of its left and right edges, however it is turned. */
export const quadHeight = (q: Quad): number =>
  (Math.hypot(q.x4 - q.x1, q.y4 - q.y1) + Math.hypot(q.x3 - q.x2, q.y3 - q.y2)) / 2;

/** The mean of the four corners. */
export const quadCentre = (q: Quad): Point => ({
  x: (q.x1 + q.x2 + q.x3 + q.x4) / 4,
  y: (q.y1 + q.y2 + q.y3 + q.y4) / 4,
});

/** The smallest axis-aligned box around every corner of `quads`; NaN edges when a coordinate is NaN. */
export function boundsOf(quads: readonly Quad[]): Bounds {
  const xs = quads.flatMap((q) => [q.x1, q.x2, q.x3, q.x4]);
  const ys = quads.flatMap((q) => [q.y1, q.y2, q.y3, q.y4]);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

export const quadBounds = (q: Quad): Bounds => boundsOf([q]);

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/** Convex hull (monotone chain), without collinear points: one region however the points are ordered, or crossed. */
export function convexHull(points: readonly Point[]): Point[] {
  const pts = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (pts.length < 3) return pts;
  const half = (list: readonly Point[]) => {
    const chain: Point[] = [];
    for (const p of list) {
      while (chain.length >= 2 && cross(chain[chain.length - 2], chain[chain.length - 1], p) <= 0) chain.pop();
      chain.push(p);
    }
    return chain.slice(0, -1);
  };
  return [...half(pts), ...half([...pts].reverse())];
}
