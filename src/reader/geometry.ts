import type { Point } from '@/lib/quad';

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

export interface RotatedRect {
  center: Point;
  /** Unit vector along the first side. */
  axis: Point;
  /** Length along `axis` and across it. */
  width: number;
  height: number;
}

/**
 * Minimum-area enclosing rectangle of a convex hull (rotating calipers: the best rectangle has a side on
 * one of the hull's edges, so each edge is tried).
 */
export function minAreaRect(hull: readonly Point[]): RotatedRect {
  if (hull.length === 0) return { center: { x: 0, y: 0 }, axis: { x: 1, y: 0 }, width: 0, height: 0 };
  let best: RotatedRect | undefined;
  let bestArea = Infinity;
  const edges = hull.length === 1 ? 1 : hull.length;
  for (let i = 0; i < edges; i++) {
    const a = hull[i];
    const b = hull[(i + 1) % hull.length];
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const u = len > 0 ? { x: (b.x - a.x) / len, y: (b.y - a.y) / len } : { x: 1, y: 0 };
    let minU = Infinity;
    let maxU = -Infinity;
    let minV = Infinity;
    let maxV = -Infinity;
    for (const p of hull) {
      const pu = p.x * u.x + p.y * u.y;
      const pv = -p.x * u.y + p.y * u.x;
      minU = Math.min(minU, pu);
      maxU = Math.max(maxU, pu);
      minV = Math.min(minV, pv);
      maxV = Math.max(maxV, pv);
    }
    const area = (maxU - minU) * (maxV - minV);
    if (area < bestArea) {
      bestArea = area;
      const cu = (minU + maxU) / 2;
      const cv = (minV + maxV) / 2;
      best = {
        center: { x: cu * u.x - cv * u.y, y: cu * u.y + cv * u.x },
        axis: u,
        width: maxU - minU,
        height: maxV - minV,
      };
    }
  }
  return best!;
}

/** The rectangle grown by `d` on every side. */
export const expandRect = (r: RotatedRect, d: number): RotatedRect => ({
  ...r,
  width: r.width + 2 * d,
  height: r.height + 2 * d,
});

export function rectCorners(r: RotatedRect): Point[] {
  const { center: c, axis: u } = r;
  const hw = r.width / 2;
  const hh = r.height / 2;
  const v = { x: -u.y, y: u.x };
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([a, b]) => ({ x: c.x + a * u.x + b * v.x, y: c.y + a * u.y + b * v.y }));
}

/** Twice the signed area; positive when the points run clockwise on screen (y pointing down). */
export function signedArea2(pts: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < pts.length; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % pts.length];
    s += a.x * b.y - b.x * a.y;
  }
  return s;
}

/**
 * Orders a rectangle's four corners clockwise on screen, starting at the top-left: the first edge is the
 * one heading right (within ±45° of the x axis), which is the top edge of text tilted less than 45°.
 */
export function orderCorners(corners: readonly Point[]): Point[] {
  const pts = signedArea2(corners) < 0 ? [...corners].reverse() : [...corners];
  let start = 0;
  let bestCos = -Infinity;
  for (let i = 0; i < 4; i++) {
    const a = pts[i];
    const b = pts[(i + 1) % 4];
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const cos = (b.x - a.x) / len;
    if (cos > bestCos) {
      bestCos = cos;
      start = i;
    }
  }
  return [0, 1, 2, 3].map((k) => pts[(start + k) % 4]);
}

/** Whether p lies inside (or on) a convex polygon given in either winding. */
export function insideConvex(poly: readonly Point[], p: Point): boolean {
  let sign = 0;
  for (let i = 0; i < poly.length; i++) {
    const c = cross(poly[i], poly[(i + 1) % poly.length], p);
    if (c === 0) continue;
    const s = c > 0 ? 1 : -1;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}
