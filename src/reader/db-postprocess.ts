import { convexHull, pointsQuad, type Point, type Quad } from '@/lib/quad';
import { expandRect, insideConvex, minAreaRect, orderCorners, rectCorners, type RotatedRect } from './geometry';

/** The detector's output: one text probability per pixel of its input, row-major. */
export interface ProbMap {
  data: Float32Array;
  width: number;
  height: number;
}

export interface DbOptions {
  /** A pixel is text when its probability is above this (det_db_thresh). */
  binaryThreshold: number;
  /** A region is kept when its mean probability is at least this (det_db_box_thresh). */
  boxThreshold: number;
  /** How far to grow a region: area × ratio / perimeter (det_db_unclip_ratio). */
  unclipRatio: number;
  /** Regions whose shorter side is under this many map pixels are noise. */
  minSize: number;
  maxCandidates: number;
}

export const DB_DEFAULTS: DbOptions = {
  binaryThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minSize: 3,
  maxCandidates: 1000,
};

export interface TextRegion {
  /** Image pixels, clockwise from the top-left. */
  quad: Quad;
  /** Mean probability inside the region before it was grown. */
  score: number;
}

/**
 * For each 8-connected region of pixels above the threshold, the points that bound it: the first and
 * last pixel centre of each of its rows (enough for a convex hull). Largest regions first.
 */
export function regionOutlines(map: ProbMap, threshold: number): Point[][] {
  return labelRegions(map, threshold).outlines.sort((a, b) => b.length - a.length);
}

/** The regions' outlines, and each pixel's region: outlines[k] is label k + 1, 0 is background. */
function labelRegions(map: ProbMap, threshold: number): { outlines: Point[][]; label: Int32Array } {
  const { width: w, height: h, data } = map;
  const label = new Int32Array(w * h);
  const outlines: Point[][] = [];
  const stack: number[] = [];
  let next = 0;
  for (let start = 0; start < w * h; start++) {
    if (label[start] !== 0 || data[start] <= threshold) continue;
    next++;
    label[start] = next;
    stack.push(start);
    const rowMin = new Map<number, number>();
    const rowMax = new Map<number, number>();
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      if (!(rowMin.get(y)! <= x)) rowMin.set(y, x);
      if (!(rowMax.get(y)! >= x)) rowMax.set(y, x);
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= w) continue;
          const j = ny * w + nx;
          if (label[j] === 0 && data[j] > threshold) {
            label[j] = next;
            stack.push(j);
          }
        }
      }
    }
    const pts: Point[] = [];
    for (const [y, x] of rowMin) pts.push({ x, y }, { x: rowMax.get(y)!, y });
    outlines.push(pts);
  }
  return { outlines, label };
}

/** Mean probability at the map pixels whose centres lie inside a convex polygon. */
export function meanInside(map: ProbMap, poly: readonly Point[]): number {
  const xs = poly.map((p) => p.x);
  const ys = poly.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(map.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(map.height - 1, Math.ceil(Math.max(...ys)));
  let sum = 0;
  let n = 0;
  for (let y = y0; y <= y1; y++)
    for (let x = x0; x <= x1; x++)
      if (insideConvex(poly, { x, y })) {
        sum += map.data[y * map.width + x];
        n++;
      }
  return n === 0 ? 0 : sum / n;
}

/**
 * DB post-processing (PP-OCR's detector): text regions from the probability map, as quadrilaterals in
 * image pixels. `scaleX`/`scaleY` map a map pixel to the image; `imageWidth`/`imageHeight` clip.
 */
export function dbPostprocess(
  map: ProbMap,
  scale: { scaleX: number; scaleY: number; imageWidth: number; imageHeight: number },
  options: Partial<DbOptions> = {},
): TextRegion[] {
  const opt = { ...DB_DEFAULTS, ...options };
  return candidates(map, opt, opt.binaryThreshold, true).map(({ rect, score }) => {
    const corners = orderCorners(rectCorners(rect)).map((p) => ({
      x: clamp(p.x * scale.scaleX, 0, scale.imageWidth),
      y: clamp(p.y * scale.scaleY, 0, scale.imageHeight),
    }));
    return { quad: pointsQuad(corners), score };
  });
}

/** A rejected region is looked at again with this binarisation threshold (see candidates). */
const RESCUE_THRESHOLD = 0.6;

/** Grown rectangles in map pixels, with their scores. */
function candidates(map: ProbMap, opt: DbOptions, threshold: number, rescue: boolean) {
  const found: { rect: RotatedRect; score: number }[] = [];
  const { outlines, label } = labelRegions(map, threshold);
  const order = outlines.map((_, k) => k).sort((a, b) => outlines[b].length - outlines[a].length);
  for (const k of order.slice(0, opt.maxCandidates)) {
    const rect = minAreaRect(convexHull(outlines[k]));
    if (Math.min(rect.width, rect.height) < opt.minSize) continue;
    const score = meanInside(map, rectCorners(rect));
    if (score < opt.boxThreshold) {
      // Text touching a faint mark (a watermark across a number group) makes one big, low-scoring region;
      // at a stricter threshold the text usually stands alone again.
      if (rescue)
        found.push(...within(map, label, k + 1, outlines[k], (sub) => candidates(sub, opt, RESCUE_THRESHOLD, false)));
      continue;
    }
    const area = rect.width * rect.height;
    const perimeter = 2 * (rect.width + rect.height);
    // Offsetting a rectangle by d with round joins and taking the minimum-area rectangle again gives the
    // rectangle grown by d on each side.
    const grown = expandRect(rect, (area * opt.unclipRatio) / perimeter);
    if (Math.min(grown.width, grown.height) < opt.minSize + 2) continue;
    found.push({ rect: grown, score });
  }
  return found;
}

/** Runs `find` on the part of the map that belongs to one region (the rest zeroed), in map coordinates. */
function within(
  map: ProbMap,
  label: Int32Array,
  id: number,
  outline: readonly Point[],
  find: (sub: ProbMap) => { rect: RotatedRect; score: number }[],
) {
  const x0 = Math.min(...outline.map((p) => p.x));
  const y0 = Math.min(...outline.map((p) => p.y));
  const width = Math.max(...outline.map((p) => p.x)) - x0 + 1;
  const height = Math.max(...outline.map((p) => p.y)) - y0 + 1;
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y0 + y) * map.width + x0 + x;
      if (label[i] === id) data[y * width + x] = map.data[i];
    }
  return find({ data, width, height }).map(({ rect, score }) => ({
    rect: { ...rect, center: { x: rect.center.x + x0, y: rect.center.y + y0 } },
    score,
  }));
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
