import type { ImageQuad } from '@/api';
import type { Size } from '@/lib/image-size';
import { quadBounds, quadHeight } from '@/lib/quad';
import type { CardView } from '@/model/card-view/card-view';
import { hasBox, showsInClear, type BoxedField, type ViewerField } from '@/model/fields/result-fields';

/** A picture's size in the pixels its boxes are measured in. */
export type PictureSize = Size;

/**
 * Why nothing of a card is revealed: no result yet; a sensitive value with no box; a box that
 * cannot be right (not a number, far beyond the picture, or of no size where a secret should be);
 * or boxes laid over the raw, unrotated pixels, where they would miss.
 */
export type CoverReason = 'no-result' | 'unplaced' | 'unusable' | 'raw-pixels';

/**
 * How a card is covered in presentation mode, in its thumbnails there, and in every redacted PNG:
 * all of it, as one mosaic, except the places of values that may be shown, which show as they are.
 * What the answer has no box for (an address, a photo) stays covered, since nothing proves it safe.
 * Image space throughout.
 */
export interface CoverPlan {
  /** Why nothing is revealed, for the note beside the card; null when the answer's boxes were used. */
  whole: CoverReason | null;
  /** The mosaic's block side in image pixels. */
  block: number;
  /** Shown as they are: the places of values that may be shown, each grown by its margin. */
  reveal: ImageQuad[];
  /** Covered again wherever a reveal reaches them: every other place the answer gave, grown alike. */
  conceal: ImageQuad[];
}

/**
 * A mosaic block is at least half the text's height, so a character spans at most about two blocks.
 * Chosen by reading the covered canvas back with Tesseract (e2e/presentation.spec.ts): at 8 blocks per
 * text height it read the hidden digits of the EXIF specimen back; at 4 it read none; 2 leaves a factor of two.
 */
const BLOCKS_PER_TEXT_HEIGHT = 2;
/** Whatever its boxes say, a card is cut into no more than this many blocks across its shorter side. */
const WHOLE_BLOCKS = 20;
/** No block smaller than this many image pixels. */
const MIN_BLOCK = 6;
/** Each box is grown by this share of its height on every side: OCR boxes are often tight or a little off. */
const MARGIN = 0.3;
/** A box may reach this share of the picture's size beyond its edges; further, it cannot be a box on it. */
const FAR = 0.25;
/** No line of text on a card is taller than this share of the picture's shorter side. */
const MAX_TEXT_SHARE = 0.2;
/** Text with no box of its own that still belongs to a card number, placed by the groups. */
const PLACED_BY_GROUPS = new Set(['totalCardNum']);

const lineLength = (q: ImageQuad) => Math.hypot(q.x2 - q.x1, q.y2 - q.y1);

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

/** Not a box on this picture at all: a coordinate that is not a number, or one far beyond its edges. */
function absurd(q: ImageQuad, picture: PictureSize): boolean {
  const within = (v: number, size: number) => Number.isFinite(v) && v >= -FAR * size && v <= (1 + FAR) * size;
  const { left, top, right, bottom } = quadBounds(q);
  return (
    ![left, right].every((x) => within(x, picture.width)) || ![top, bottom].every((y) => within(y, picture.height))
  );
}

/** A box that can hold text on the picture: some height, some length, and part of it on the picture. */
function placeable(q: ImageQuad, picture: PictureSize): boolean {
  if (quadHeight(q) < 1 || lineLength(q) < 1) return false;
  const { left, top, right, bottom } = quadBounds(q);
  return right > 0 && left < picture.width && bottom > 0 && top < picture.height;
}

/**
 * Whether a box is small enough to reveal: no taller than a line of text, and no wider or taller on
 * the picture than its own characters could fill. A box that says "4111" but spans the card is not revealed.
 */
function revealable(field: BoxedField, picture: PictureSize): boolean {
  const height = quadHeight(field.quad);
  const places = Array.from(field.value).filter((c) => !/\s/u.test(c)).length;
  const reach = (places + 1) * height;
  const { left, top, right, bottom } = quadBounds(field.quad);
  return (
    places > 0 &&
    height <= MAX_TEXT_SHARE * Math.min(picture.width, picture.height) &&
    right - left <= reach &&
    bottom - top <= reach
  );
}

/** The mosaic block for a picture whose text lines are `heights` tall. */
function blockFor(picture: PictureSize, heights: number[]): number {
  const shorter = Math.min(picture.width, picture.height);
  const tallest = Math.min(MAX_TEXT_SHARE * shorter, Math.max(0, ...heights));
  const block = Math.max(MIN_BLOCK, shorter / WHOLE_BLOCKS, tallest / BLOCKS_PER_TEXT_HEIGHT);
  return Math.max(1, Math.min(block, shorter));
}

/** The card covered whole, for `reason`. */
export function wholeCover(picture: PictureSize, reason: CoverReason): CoverPlan {
  return { whole: reason, block: blockFor(picture, []), reveal: [], conceal: [] };
}

const grown = (q: ImageQuad) => grow(q, quadHeight(q) * MARGIN);

/** `picture` is the size the answer's boxes are measured in. */
export function coverPlan(card: CardView | null, picture: PictureSize): CoverPlan {
  if (!card) return wholeCover(picture, 'no-result');
  const boxed = card.fields.filter(hasBox);
  // One box that cannot be on this picture says the answer's boxes cannot be trusted.
  if ([...boxed.map((f) => f.quad), ...card.extras].some((q) => absurd(q, picture)))
    return wholeCover(picture, 'unusable');
  const placed = (f: ViewerField): f is BoxedField => hasBox(f) && placeable(f.quad, picture);
  const hasGroups = card.fields.some((f) => f.key === 'cardNum' && placed(f));
  // A sensitive value with nowhere to put it could be anywhere on the card.
  for (const f of card.fields.filter((f) => f.sensitivity !== null && !placed(f))) {
    if (hasBox(f)) return wholeCover(picture, 'unusable');
    if (!(PLACED_BY_GROUPS.has(f.key) && hasGroups)) return wholeCover(picture, 'unplaced');
  }
  const onPicture = boxed.filter(placed);
  const shown = onPicture.filter((f) => showsInClear(f) && revealable(f, picture));
  const hidden = onPicture.filter((f) => !shown.includes(f)).map((f) => f.quad);
  const extras = card.extras.filter((q) => quadHeight(q) >= 1 && lineLength(q) >= 1);
  return {
    whole: null,
    block: blockFor(
      picture,
      onPicture.map((f) => quadHeight(f.quad)),
    ),
    reveal: shown.map((f) => grown(f.quad)),
    // Text the service found but did not name may be anything, a name or a number among it.
    conceal: [...hidden, ...extras].map(grown),
  };
}
