/** RGBA pixels, row-major, 4 bytes a pixel (the shape of ImageData, without the DOM). */
export interface Pixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A quadrilateral in image pixels, corners clockwise from the top-left. */
export interface Quad {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  x3: number;
  y3: number;
  x4: number;
  y4: number;
}

export interface Point {
  x: number;
  y: number;
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
