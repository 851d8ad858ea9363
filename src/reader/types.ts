import type { Quad } from '@/lib/quad';

/** RGBA pixels, row-major, 4 bytes a pixel (the shape of ImageData, without the DOM). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** One line of text the reader found. */
export interface ReadLine {
  text: string;
  /** Mean probability of the line's characters, 0..1. */
  conf: number;
  /** Image pixels, clockwise from the top-left (top edge first). */
  quad: Quad;
  /** For each character of `text`, its centre along the line from the quad's left edge (0) to its right edge (1). */
  charPositions: number[];
  /** Read with a low confidence or as nothing: only asked for (Reader.read's keepUnsure), never parsed as digits. */
  unsure?: boolean;
}
