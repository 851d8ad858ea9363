import { quadPoints, type Point, type Quad } from '@/lib/quad';
import type { Pixels } from './types';

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
 * When the line is more than twice the strip's height in the image (a phone photo), each strip pixel
 * averages a grid of samples, so thin strokes do not alias away.
 */
export function rectify(px: Pixels, quad: Quad, maxWidth = REC_MAX_WIDTH, minWidth = REC_MIN_WIDTH): RecInput {
  const contentWidth = stripWidth(quad, maxWidth);
  const width = Math.max(contentWidth, minWidth);
  const corners = quadPoints(quad);
  const H = squareToQuad(corners);
  const lineHeight = Math.max(dist(corners[0], corners[3]), dist(corners[1], corners[2]));
  const n = Math.max(1, Math.min(4, Math.floor(lineHeight / REC_HEIGHT)));
  const plane = REC_HEIGHT * width;
  const data = new Float32Array(3 * plane);
  const bgr = new Float64Array(3);
  const sum = new Float64Array(3);
  const [a, b, c, d, e, f, g, h] = H;
  for (let y = 0; y < REC_HEIGHT; y++) {
    for (let x = 0; x < contentWidth; x++) {
      sum.fill(0);
      for (let sy = 0; sy < n; sy++) {
        const v = (y + (sy + 0.5) / n) / REC_HEIGHT;
        for (let sx = 0; sx < n; sx++) {
          const u = (x + (sx + 0.5) / n) / contentWidth;
          const w = g * u + h * v + 1;
          sampleBgr(px, (a * u + b * v + c) / w, (d * u + e * v + f) / w, bgr);
          sum[0] += bgr[0];
          sum[1] += bgr[1];
          sum[2] += bgr[2];
        }
      }
      for (let k = 0; k < 3; k++) data[k * plane + y * width + x] = sum[k] / (n * n) / 127.5 - 1;
    }
  }
  return { data, width, contentWidth };
}

/**
 * Bilinear sample at (x, y) in pixel-edge coordinates (pixel i's centre is at i + 0.5), edges repeated,
 * composited on white, into out as B, G, R 0..255.
 */
function sampleBgr(px: Pixels, x: number, y: number, out: Float64Array) {
  const { data: src, width: sw, height: sh } = px;
  const fx = Math.min(Math.max(x - 0.5, 0), sw - 1);
  const fy = Math.min(Math.max(y - 0.5, 0), sh - 1);
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const tx = fx - x0;
  const ty = fy - y0;
  const i00 = (y0 * sw + x0) * 4;
  const i01 = x0 + 1 < sw ? i00 + 4 : i00;
  const i10 = y0 + 1 < sh ? i00 + sw * 4 : i00;
  const i11 = i10 + (i01 - i00);
  const w00 = (1 - tx) * (1 - ty);
  const w01 = tx * (1 - ty);
  const w10 = (1 - tx) * ty;
  const w11 = tx * ty;
  const alpha = (src[i00 + 3] * w00 + src[i01 + 3] * w01 + src[i10 + 3] * w10 + src[i11 + 3] * w11) / 255;
  const paper = 255 * (1 - alpha);
  for (let k = 0; k < 3; k++) {
    const ch = 2 - k;
    out[k] = (src[i00 + ch] * w00 + src[i01 + ch] * w01 + src[i10 + ch] * w10 + src[i11 + ch] * w11) * alpha + paper;
  }
}
