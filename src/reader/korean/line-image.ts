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

/** The line inside `quad` (image pixels) as a PGM of REC_HEIGHT + 2 × BORDER rows. */
export function lineImage(px: Pixels, quad: Quad): Uint8Array {
  const strip = rectify(px, grownBox(quad, GROW), 1600, 1);
  const [w, h] = [strip.contentWidth + 2 * BORDER, REC_HEIGHT + 2 * BORDER];
  const header = new TextEncoder().encode(`P5\n${w} ${h}\n255\n`);
  const out = new Uint8Array(header.length + w * h);
  out.set(header);
  const grey = out.subarray(header.length).fill(255);
  const plane = REC_HEIGHT * strip.width;
  for (let y = 0; y < REC_HEIGHT; y++) {
    for (let x = 0; x < strip.contentWidth; x++) {
      const at = y * strip.width + x;
      const mean = (strip.data[at] + strip.data[plane + at] + strip.data[2 * plane + at]) / 3;
      grey[(y + BORDER) * w + x + BORDER] = Math.round((mean + 1) * 127.5);
    }
  }
  return out;
}
