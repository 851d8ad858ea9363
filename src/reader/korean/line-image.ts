// A detected line cut out upright as a small grey image for the Hangul recogniser, encoded as a PGM
// (a header and the bytes: both the browser's and Node's Tesseract read it, and it costs nothing to make).
import type { Quad } from '@/lib/quad';
import { grownBox } from '../engine';
import { rectify, REC_HEIGHT } from '../rectify';
import type { Pixels } from '../types';

/** White border around the strip, in pixels: Tesseract finds a line's edges better with some paper around it. */
const BORDER = 10;
/** How far the detector's box is grown on every side, as a fraction of its height (the detector's box hugs the ink). */
const GROW = 0.15;

/** How a line is cut out: its size, and how far the box is grown first (a fraction of its height). */
export interface LineCut {
  magnify: number;
  grow: number;
  /** Tried only on a line every earlier cut read as nothing. */
  whenNothingRead?: boolean;
}

/**
 * The ways a line is cut out, in the order they are tried while the reading stays unsure. Tesseract's
 * reading turns on the line's size in pixels (a bold 홍길동 that fills its strip comes back as 그 고 and
 * right at twice the size), and on what the grown box takes in: where lines stand close, as on a
 * passport's data page, it takes in a neighbour's strokes and the line reads as nothing. The box is
 * not grown for such a line only: on a line read as something, that cut misreads with more confidence.
 */
export const LINE_CUTS: readonly LineCut[] = [
  { magnify: 1, grow: GROW },
  { magnify: 2, grow: GROW },
  { magnify: 1, grow: 0, whenNothingRead: true },
];

/** A line two cuts read as different texts is answered at most this sure: below a name's check, whatever its set says. */
export const DISPUTED_CONF = 0.75;

/** The line inside `quad` (image pixels) as a PGM of REC_HEIGHT + 2 × BORDER rows, each pixel repeated `magnify` times. */
export function lineImage(px: Pixels, quad: Quad, { magnify, grow }: LineCut = LINE_CUTS[0]): Uint8Array {
  const strip = rectify(px, grownBox(quad, grow), 1600, 1);
  const [w, h] = [strip.contentWidth + 2 * BORDER, REC_HEIGHT + 2 * BORDER];
  const grey = new Uint8Array(w * h).fill(255);
  const plane = REC_HEIGHT * strip.width;
  const values = new Float32Array(REC_HEIGHT * strip.contentWidth);
  for (let y = 0; y < REC_HEIGHT; y++) {
    for (let x = 0; x < strip.contentWidth; x++) {
      const at = y * strip.width + x;
      values[y * strip.contentWidth + x] = (strip.data[at] + strip.data[plane + at] + strip.data[2 * plane + at]) / 3;
    }
  }
  // The card's paper becomes white and its ink black, so the border meets the line with no edge of its own
  // (a grey card inside a white border reads as a picture, not a line). The paper's level is taken column
  // by column, so a pattern or a shadow across the card fades too. Light ink on a dark card turns over.
  const cols = strip.contentWidth;
  const sorted = values.slice().sort();
  const dark = sorted[Math.floor(sorted.length * 0.02)];
  const paper = sorted[Math.floor(sorted.length / 2)];
  const inverted = paper - dark < sorted[Math.floor(sorted.length * 0.98)] - paper;
  const level = new Float32Array(cols);
  for (let x = 0; x < cols; x++) {
    const column = Array.from({ length: REC_HEIGHT }, (_, y) => values[y * cols + x]).sort((a, b) => a - b);
    level[x] = inverted ? column[Math.floor(REC_HEIGHT * 0.1)] : column[Math.floor(REC_HEIGHT * 0.9)];
  }
  // A column all ink has no paper in it: its neighbours' level stands in (the widest ink is a stroke or two).
  const near = (x: number) => {
    let best = level[x];
    for (let d = -12; d <= 12; d++) {
      const v = level[Math.min(cols - 1, Math.max(0, x + d))];
      best = inverted ? Math.min(best, v) : Math.max(best, v);
    }
    return best;
  };
  const paperAt = Float32Array.from({ length: cols }, (_, x) => near(x));
  const ink = inverted ? sorted[Math.floor(sorted.length * 0.98)] : dark;
  values.forEach((v, i) => {
    const x = i % cols;
    const t = Math.min(1, Math.max(0, (v - ink) / (paperAt[x] - ink || 1e-3)));
    grey[(Math.floor(i / cols) + BORDER) * w + x + BORDER] = Math.round(255 * t);
  });
  return pgm(magnify === 1 ? grey : magnified(grey, w, h, magnify), w * magnify, h * magnify);
}

/** A grey image with each pixel repeated k times across and down. */
function magnified(grey: Uint8Array, w: number, h: number, k: number): Uint8Array {
  const out = new Uint8Array(w * k * h * k);
  for (let y = 0; y < h * k; y++) {
    const row = Math.floor(y / k) * w;
    for (let x = 0; x < w * k; x++) out[y * w * k + x] = grey[row + Math.floor(x / k)];
  }
  return out;
}

const pgm = (grey: Uint8Array, w: number, h: number) => {
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + grey.length);
  out.set(header);
  out.set(grey, header.length);
  return out;
};
