import { boundsQuad } from '@/lib/quad';
import type { ReadLine } from '@/reader';

/**
 * A line as the reader reports it, for parser tests: at (x, y), 20 px a character, `height` px high,
 * each character's position at its centre.
 */
export function readLine(text: string, x: number, y: number, conf = 0.9, height = 40): ReadLine {
  const w = text.length * 20;
  return {
    text,
    conf,
    quad: boundsQuad({ left: x, top: y, right: x + w, bottom: y + height }),
    charPositions: [...text].map((_, i) => (i + 0.5) / text.length),
  };
}
