// Camera frames drawn in memory for the guidance tests: a dark card with rows of light glyphs on a pale,
// slightly noisy table, which can be moved, shrunk, tilted, blurred and glared.
import type { RgbaFrame } from '@/images/card-finder';

export interface Scene {
  width?: number;
  height?: number;
  /** The card's centre and width, in the frame's pixels. */
  cx?: number;
  cy?: number;
  cardWidth?: number;
  /** The top edge's width over the bottom's: below 1 the card leans away from the camera. */
  lean?: number;
  /** Turned in the frame's plane, degrees. */
  turn?: number;
  /** Box blur radius, applied twice. */
  blur?: number;
  /** A saturated disc over the card's middle, as a share of the card's width. */
  glare?: number;
  /** Another card: the glyphs in other places. */
  other?: boolean;
  card?: boolean;
}

const CARD_RATIO = 54 / 85.6;

/** Whether the point (u, v) of the card, both 0–1, is on a glyph's stroke. */
function onGlyph(u: number, v: number, other: boolean): boolean {
  const lines = other ? [0.2, 0.45, 0.8] : [0.25, 0.6, 0.78];
  for (const [k, top] of lines.entries()) {
    const height = k === 1 ? 0.11 : 0.07;
    if (v < top || v > top + height) continue;
    const glyph = (u - 0.08) / 0.045;
    if (glyph < 0 || glyph > (k === 1 ? 19 : 11)) continue;
    const within = glyph - Math.floor(glyph);
    const stroke = (v - top) / height;
    // Each glyph: two vertical strokes and a bar, enough edges for the Laplacian to see.
    if (within < 0.15 || (within > 0.55 && within < 0.7) || (stroke > 0.45 && stroke < 0.58 && within < 0.7))
      return true;
  }
  return false;
}

export function drawScene(scene: Scene = {}): RgbaFrame {
  const { width = 640, height = 360, cardWidth = 420, lean = 1, turn = 0, blur = 0, glare = 0 } = scene;
  const { cx = width / 2, cy = height / 2, other = false, card = true } = scene;
  const data = new Uint8ClampedArray(width * height * 4);
  const cardHeight = cardWidth * CARD_RATIO;
  const [cos, sin] = [Math.cos((turn * Math.PI) / 180), Math.sin((turn * Math.PI) / 180)];
  let seed = 7;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const noise = (seed % 9) - 4;
      let [r, g, b] = [200 + noise, 198 + noise, 190 + noise];
      // Into the card's frame: turned back, then the trapezoid's row width at that height.
      const dx = x - cx;
      const dy = y - cy;
      const px = dx * cos + dy * sin;
      const py = -dx * sin + dy * cos;
      const v = py / cardHeight + 0.5;
      const rowWidth = cardWidth * (lean + (1 - lean) * v);
      const u = px / rowWidth + 0.5;
      if (card && u >= 0 && u <= 1 && v >= 0 && v <= 1) {
        [r, g, b] = onGlyph(u, v, other) ? [240, 245, 235] : [30 + 40 * u, 60 + 30 * v, 100];
        if (Math.hypot((u - 0.5) * cardWidth, (v - 0.5) * cardHeight) < (glare * cardWidth) / 2)
          [r, g, b] = [255, 255, 255];
      }
      const i = (y * width + x) * 4;
      [data[i], data[i + 1], data[i + 2], data[i + 3]] = [r, g, b, 255];
    }
  }
  const frame = { width, height, data };
  for (let pass = 0; pass < (blur > 0 ? 2 : 0); pass++) boxBlur(frame, blur);
  return frame;
}

function boxBlur(frame: RgbaFrame, radius: number) {
  const { width, height, data } = frame;
  const copy = Uint8ClampedArray.from(data);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let [sum, n] = [0, 0];
        for (let yy = Math.max(0, y - radius); yy <= Math.min(height - 1, y + radius); yy++)
          for (let xx = Math.max(0, x - radius); xx <= Math.min(width - 1, x + radius); xx++) {
            sum += copy[(yy * width + xx) * 4 + c];
            n++;
          }
        data[(y * width + x) * 4 + c] = sum / n;
      }
    }
  }
}
