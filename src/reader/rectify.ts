import type { Pixels, Point, Quad } from './types';
import { quadPoints } from './types';

/** The recogniser's input height. */
export const REC_HEIGHT = 48;
/** Longest strip we sample (a line this long at 48 px high is ~20 characters per 100 px). */
export const REC_MAX_WIDTH = 960;
/**
 * Shorter strips are padded to this width with zeros after normalisation. PP-OCR pads to 320 (its training
 * shape); that reads the specimens no better and costs ~25% more time (the recogniser's time grows with width).
 */
export const REC_MIN_WIDTH = 48;

export interface RecInput {
  /** CHW float32, channels B, G, R, normalised to -1..1; padding is 0. */
  data: Float32Array;
  /** The tensor's width, padding included. */
  width: number;
  /** How many columns hold the line; the rest is padding. */
  contentWidth: number;
}

/** Coefficients of the projective map from the unit square onto a quad: (0,0)→p1, (1,0)→p2, (1,1)→p3, (0,1)→p4. */
export type Homography = [a: number, b: number, c: number, d: number, e: number, f: number, g: number, h: number];

export function squareToQuad([p0, p1, p2, p3]: readonly Point[]): Homography {
  const sx = p0.x - p1.x + p2.x - p3.x;
  const sy = p0.y - p1.y + p2.y - p3.y;
  if (Math.abs(sx) < 1e-9 && Math.abs(sy) < 1e-9) {
    return [p1.x - p0.x, p3.x - p0.x, p0.x, p1.y - p0.y, p3.y - p0.y, p0.y, 0, 0];
  }
  const dx1 = p1.x - p2.x;
  const dx2 = p3.x - p2.x;
  const dy1 = p1.y - p2.y;
  const dy2 = p3.y - p2.y;
  const den = dx1 * dy2 - dx2 * dy1;
  const g = (sx * dy2 - dx2 * sy) / den;
  const h = (dx1 * sy - sx * dy1) / den;
  return [
    p1.x - p0.x + g * p1.x,
    p3.x - p0.x + h * p3.x,
    p0.x,
    p1.y - p0.y + g * p1.y,
    p3.y - p0.y + h * p3.y,
    p0.y,
    g,
    h,
  ];
}

export function applyHomography([a, b, c, d, e, f, g, h]: Homography, u: number, v: number): Point {
  const w = g * u + h * v + 1;
  return { x: (a * u + b * v + c) / w, y: (d * u + e * v + f) / w };
}

const dist = (p: Point, q: Point) => Math.hypot(p.x - q.x, p.y - q.y);

/** The strip width for a quad at REC_HEIGHT, keeping its aspect ratio (longer of opposite sides), capped. */
export function stripWidth(quad: Quad, maxWidth = REC_MAX_WIDTH): number {
  const [p1, p2, p3, p4] = quadPoints(quad);
  const w = Math.max(dist(p1, p2), dist(p4, p3));
  const h = Math.max(dist(p1, p4), dist(p2, p3));
  if (h <= 0 || w <= 0) return 1;
  return Math.max(1, Math.min(maxWidth, Math.ceil((REC_HEIGHT * w) / h)));
}

/**
 * Cuts a quadrilateral out of the image into a REC_HEIGHT-high strip by perspective bilinear sampling
 * (edges repeat outside the image), normalised as PP-OCR's recogniser expects: (x/255 − 0.5)/0.5, B, G, R.
 */
export function rectify(px: Pixels, quad: Quad, maxWidth = REC_MAX_WIDTH, minWidth = REC_MIN_WIDTH): RecInput {
  const contentWidth = stripWidth(quad, maxWidth);
  const width = Math.max(contentWidth, minWidth);
  const H = squareToQuad(quadPoints(quad));
  const plane = REC_HEIGHT * width;
  const data = new Float32Array(3 * plane);
  const { data: src, width: sw, height: sh } = px;
  for (let y = 0; y < REC_HEIGHT; y++) {
    const v = (y + 0.5) / REC_HEIGHT;
    for (let x = 0; x < contentWidth; x++) {
      const p = applyHomography(H, (x + 0.5) / contentWidth, v);
      // Quad corners are in pixel-edge coordinates; pixel i's centre is at i + 0.5.
      const fx = Math.min(Math.max(p.x - 0.5, 0), sw - 1);
      const fy = Math.min(Math.max(p.y - 0.5, 0), sh - 1);
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(x0 + 1, sw - 1);
      const y1 = Math.min(y0 + 1, sh - 1);
      const tx = fx - x0;
      const ty = fy - y0;
      const i00 = (y0 * sw + x0) * 4;
      const i01 = (y0 * sw + x1) * 4;
      const i10 = (y1 * sw + x0) * 4;
      const i11 = (y1 * sw + x1) * 4;
      const o = y * width + x;
      for (let c = 0; c < 3; c++) {
        const ch = 2 - c;
        const top = src[i00 + ch] + (src[i01 + ch] - src[i00 + ch]) * tx;
        const bottom = src[i10 + ch] + (src[i11 + ch] - src[i10 + ch]) * tx;
        const alpha = pixelAlpha(src, i00, i01, i10, i11, tx, ty);
        const value = (top + (bottom - top) * ty) * alpha + 255 * (1 - alpha);
        data[c * plane + o] = value / 127.5 - 1;
      }
    }
  }
  return { data, width, contentWidth };
}

function pixelAlpha(src: Uint8ClampedArray, a: number, b: number, c: number, d: number, tx: number, ty: number) {
  const top = src[a + 3] + (src[b + 3] - src[a + 3]) * tx;
  const bottom = src[c + 3] + (src[d + 3] - src[c + 3]) * tx;
  return (top + (bottom - top) * ty) / 255;
}
