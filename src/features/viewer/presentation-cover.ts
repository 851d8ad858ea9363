import type { ImageQuad } from '@/api';
import type { CardView } from '@/features/card-view';
import { hasBox, type BoxedField, type ViewerField } from '@/features/fields';
import type { Size } from './view-transform';

/**
 * What presentation mode (and a redacted PNG) covers: the whole card until every sensitive value
 * has a known place, then each sensitive place, grown by a margin. Image space throughout.
 */
export type CoverPlan = { whole: true; reason: 'no-result' | 'unplaced' } | { whole: false; regions: Cover[] };

export interface Cover {
  quad: ImageQuad;
  /** Mosaic block side in image pixels: big enough that no character survives inside one box. */
  block: number;
}

/**
 * A mosaic block is at least half the text's height, so a character spans at most about two blocks.
 * Chosen by reading the covered canvas back with Tesseract (e2e/presentation.spec.ts): at 8 blocks per
 * text height it read the hidden digits of the EXIF specimen back; at 4 it read none; 2 leaves a factor of two.
 */
const BLOCKS_PER_TEXT_HEIGHT = 2;
/** No block smaller than this many image pixels, whatever the box. */
const MIN_BLOCK = 6;
/** Each box is grown by this share of its height on every side: OCR boxes are often tight or a little off. */
const MARGIN = 0.3;
/** Text with no box of its own that still belongs to a card number, covered with the groups. */
const PLACED_BY_GROUPS = new Set(['totalCardNum']);

const dist = (ax: number, ay: number, bx: number, by: number) => Math.hypot(bx - ax, by - ay);

/** The quad's height across its text line: the mean of its left and right edges. */
export function textHeight(q: ImageQuad): number {
  return (dist(q.x1, q.y1, q.x4, q.y4) + dist(q.x2, q.y2, q.x3, q.y3)) / 2;
}

/** The quad grown by `margin` image pixels along its own axes, so a tilted box grows as it leans. */
export function grow(q: ImageQuad, margin: number): ImageQuad {
  const along = unit(q.x2 - q.x1, q.y2 - q.y1, 1, 0);
  const down = unit(q.x4 - q.x1, q.y4 - q.y1, 0, 1);
  const [ax, ay, dx, dy] = [along.x * margin, along.y * margin, down.x * margin, down.y * margin];
  return {
    x1: q.x1 - ax - dx,
    y1: q.y1 - ay - dy,
    x2: q.x2 + ax - dx,
    y2: q.y2 + ay - dy,
    x3: q.x3 + ax + dx,
    y3: q.y3 + ay + dy,
    x4: q.x4 - ax + dx,
    y4: q.y4 - ay + dy,
  } as ImageQuad;
}

function unit(x: number, y: number, fallbackX: number, fallbackY: number): { x: number; y: number } {
  const length = Math.hypot(x, y);
  return length > 0 ? { x: x / length, y: y / length } : { x: fallbackX, y: fallbackY };
}

/** The smallest axis-aligned quad holding every given quad: where a card number's groups lie together. */
function hull(quads: readonly ImageQuad[]): ImageQuad {
  const xs = quads.flatMap((q) => [q.x1, q.x2, q.x3, q.x4]);
  const ys = quads.flatMap((q) => [q.y1, q.y2, q.y3, q.y4]);
  const [l, t, r, b] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  return { x1: l, y1: t, x2: r, y2: t, x3: r, y3: b, x4: l, y4: b } as ImageQuad;
}

function cover(quad: ImageQuad, lineHeight = textHeight(quad)): Cover {
  return {
    quad: grow(quad, lineHeight * MARGIN),
    block: Math.max(MIN_BLOCK, Math.ceil(lineHeight / BLOCKS_PER_TEXT_HEIGHT)),
  };
}

/**
 * Whether a box can really hold text on a picture of this size: a response (or an imported session)
 * may give a box of no height, or one off the picture, and covering that would cover nothing.
 */
function placeable(quad: ImageQuad, picture: Size | undefined): boolean {
  if (textHeight(quad) < 1 || Math.hypot(quad.x2 - quad.x1, quad.y2 - quad.y1) < 1) return false;
  if (!picture) return true;
  const xs = [quad.x1, quad.x2, quad.x3, quad.x4];
  const ys = [quad.y1, quad.y2, quad.y3, quad.y4];
  return (
    Math.max(...xs) > 0 && Math.min(...xs) < picture.width && Math.max(...ys) > 0 && Math.min(...ys) < picture.height
  );
}

/** `picture` is the size the boxes are measured in; without it, boxes are only checked for size. */
export function coverPlan(card: CardView | null, picture?: Size): CoverPlan {
  if (!card) return { whole: true, reason: 'no-result' };
  const sensitive = card.fields.filter((f) => f.sensitivity !== null);
  const placed = (f: ViewerField): f is BoxedField => hasBox(f) && placeable(f.quad, picture);
  const groups = card.fields.filter((f) => f.key === 'cardNum').filter(placed);
  // A sensitive value with nowhere to put it could be anywhere on the card.
  const unplaced = sensitive.some((f) => !placed(f) && !(PLACED_BY_GROUPS.has(f.key) && groups.length > 0));
  if (unplaced) return { whole: true, reason: 'unplaced' };
  const regions = sensitive.filter(placed).map((f) => cover(f.quad));
  if (groups.length > 1) {
    // The whole number's line, gaps between the groups included, at the groups' own text height.
    const height = Math.max(...groups.map((g) => textHeight(g.quad)));
    regions.push(cover(hull(groups.map((g) => g.quad)), height));
  }
  // Text the service found but did not name may be anything, a name or a number among it.
  regions.push(...card.extras.map((quad) => cover(quad)));
  return { whole: false, regions };
}
