import type { Pixels } from './types';

/**
 * The detector's limit: the longer side is scaled down to at most this (PP-OCR's det_limit_side_len, type
 * "max", whose default is 960). Chosen on the 120 generated cards of `npm run bench -- reader`: at 640 the
 * reader read as many fields right as at 960, or more, in 0.72–0.75 of the time; at 512 it lost a
 * licence number.
 */
export const DET_MAX_SIDE = 640;
const STRIDE = 32;
// PaddleOCR reads images as BGR (OpenCV) and normalises channel i with the ImageNet mean/std at index i,
// so the model's first input channel is blue, normalised with 0.485 / 0.229.
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetInput {
  /** CHW float32, channels B, G, R. */
  data: Float32Array;
  width: number;
  height: number;
  /** Multiply a map x by scaleX (a map y by scaleY) to get image pixels. */
  scaleX: number;
  scaleY: number;
}

/** The detector's input size for an image: longer side ≤ maxSide, each side a multiple of 32 and at least 32. */
export function detSize(width: number, height: number, maxSide = DET_MAX_SIDE): { width: number; height: number } {
  const ratio = Math.max(width, height) > maxSide ? maxSide / Math.max(width, height) : 1;
  const round = (side: number) => Math.max(STRIDE, Math.round((side * ratio) / STRIDE) * STRIDE);
  return { width: round(width), height: round(height) };
}

/**
 * Resizes RGBA pixels to w × h. Bilinear, with half-pixel centres; when shrinking by 2× or more it first
 * averages whole blocks of pixels, so a phone photo's fine text does not alias away.
 */
export function resizeRgba(src: Pixels, w: number, h: number): Pixels {
  let from = src;
  const k = Math.min(Math.floor(src.width / w), Math.floor(src.height / h));
  if (k >= 2) from = boxShrink(src, k);
  const out = new Uint8ClampedArray(w * h * 4);
  const sx = from.width / w;
  const sy = from.height / h;
  const { data, width: fw, height: fh } = from;
  for (let y = 0; y < h; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), fh - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, fh - 1);
    const ty = fy - y0;
    for (let x = 0; x < w; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), fw - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, fw - 1);
      const tx = fx - x0;
      const a = (y0 * fw + x0) * 4;
      const b = (y0 * fw + x1) * 4;
      const c = (y1 * fw + x0) * 4;
      const d = (y1 * fw + x1) * 4;
      const o = (y * w + x) * 4;
      for (let ch = 0; ch < 4; ch++) {
        const top = data[a + ch] + (data[b + ch] - data[a + ch]) * tx;
        const bottom = data[c + ch] + (data[d + ch] - data[c + ch]) * tx;
        out[o + ch] = top + (bottom - top) * ty;
      }
    }
  }
  return { data: out, width: w, height: h };
}

function boxShrink(src: Pixels, k: number): Pixels {
  const w = Math.floor(src.width / k);
  const h = Math.floor(src.height / k);
  const out = new Uint8ClampedArray(w * h * 4);
  const sum = new Float64Array(4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      sum.fill(0);
      for (let dy = 0; dy < k; dy++) {
        let i = ((y * k + dy) * src.width + x * k) * 4;
        for (let dx = 0; dx < k; dx++, i += 4) {
          sum[0] += src.data[i];
          sum[1] += src.data[i + 1];
          sum[2] += src.data[i + 2];
          sum[3] += src.data[i + 3];
        }
      }
      const o = (y * w + x) * 4;
      for (let ch = 0; ch < 4; ch++) out[o + ch] = sum[ch] / (k * k);
    }
  }
  return { data: out, width: w, height: h };
}

/**
 * Writes RGBA pixels as CHW float32 in B, G, R order, composited on white (a transparent PNG's
 * background is paper, not black), normalised by `mean` and `std` after scaling to 0..1.
 */
export function toChwBgr(px: Pixels, mean: readonly number[], std: readonly number[]): Float32Array {
  const n = px.width * px.height;
  const out = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const alpha = px.data[i * 4 + 3] / 255;
    for (let c = 0; c < 3; c++) {
      const v = (px.data[i * 4 + 2 - c] * alpha + 255 * (1 - alpha)) / 255;
      out[c * n + i] = (v - mean[c]) / std[c];
    }
  }
  return out;
}

/** The detector's input for an image, with the factors that map its output back to image pixels. */
export function detectPreprocess(px: Pixels, maxSide = DET_MAX_SIDE): DetInput {
  const size = detSize(px.width, px.height, maxSide);
  const resized = resizeRgba(px, size.width, size.height);
  return {
    data: toChwBgr(resized, MEAN, STD),
    width: size.width,
    height: size.height,
    scaleX: px.width / size.width,
    scaleY: px.height / size.height,
  };
}
