// What is wrong with one camera frame, measured on a small copy of it: where the card is, whether it is
// large enough, tilted, moving, blurred or glared. One hint at a time, the first that fails in that order:
// motion blurs, so "hold still" comes before "blurred".
import { isSmallerThan, RECOMMENDED_CARD_SIZE, type Size } from '@/lib/image-size';
import { quadPoints, type Bounds, type Point, type Quad } from '@/lib/quad';
import { findCard, type RgbaFrame } from './card-finder';

export type { RgbaFrame } from './card-finder';

export type GuidanceHint = 'noCard' | 'moveCloser' | 'tilted' | 'holdStill' | 'blurred' | 'glare' | 'ready';

/**
 * Below this variance of the Laplacian over the card's middle, on a copy about 640 pixels wide, the card is
 * blurred: drawn cards measure 600–3000 sharp and under 120 once blurred by 2 pixels (frame-guidance.test.ts).
 */
export const SHARPNESS_THRESHOLD = 250;
/** More than this share of saturated pixels over the card's middle is glare. */
export const GLARE_THRESHOLD = 0.01;
/** A corner that moved more than this share of the card's diagonal since the last frame is motion. */
export const MOTION_THRESHOLD = 0.02;
/** A corner further than this from a right angle: the card is tilted towards or away from the camera. */
export const TILT_THRESHOLD_DEGREES = 12;
/** A camera that cannot give the recommended size still passes with a card this share of its frame wide. */
const FRAME_SHARE = 0.6;
/** Brighter than this on every channel is a saturated pixel. */
const SATURATED = 250;

export interface FrameAnalysis {
  hint: GuidanceHint;
  /** The card's outline in the analysed copy's pixels; null with `noCard`. */
  quad: Quad | null;
  /** The card's size in the full frame's pixels. */
  cardSize: Size | null;
  sharpness: number;
  glare: number;
  motion: number;
  tilt: number;
  /** The card's look in a few numbers, to tell another card from the one taken. */
  signature: number[] | null;
}

export interface FrameContext {
  /** The camera frame's own size: the copy analysed is smaller. */
  full: Size;
  service: 'credit-card' | 'id-card';
  previous: Quad | null;
}

const distance = (a: Point, b: Point) => Math.hypot(a.x - b.x, a.y - b.y);

/** The card's width and height along its edges, as the mean of the opposite sides. */
export function quadSize(q: Quad): Size {
  const [a, b, c, d] = quadPoints(q);
  return { width: (distance(a, b) + distance(d, c)) / 2, height: (distance(a, d) + distance(b, c)) / 2 };
}

/** The size the card should reach in a frame of `full`: the recommended one, or most of the frame if it is smaller. */
export function leastCardSize(service: FrameContext['service'], full: Size): Size {
  const recommended = RECOMMENDED_CARD_SIZE[service];
  const k = Math.min(1, (FRAME_SHARE * Math.max(full.width, full.height)) / recommended.width);
  return { width: recommended.width * k, height: recommended.height * k };
}

/** How far the outline's worst corner is from a right angle, in degrees. */
export function tiltOf(q: Quad): number {
  const p = quadPoints(q);
  let worst = 0;
  for (let i = 0; i < 4; i++) {
    const [prev, at, next] = [p[(i + 3) % 4], p[i], p[(i + 1) % 4]];
    const u = { x: prev.x - at.x, y: prev.y - at.y };
    const v = { x: next.x - at.x, y: next.y - at.y };
    const cos = (u.x * v.x + u.y * v.y) / (Math.hypot(u.x, u.y) * Math.hypot(v.x, v.y) || 1);
    worst = Math.max(worst, Math.abs((Math.acos(Math.max(-1, Math.min(1, cos))) * 180) / Math.PI - 90));
  }
  return worst;
}

/** How far the outline moved since the last frame: its corners' largest shift over its diagonal. */
export function motionOf(q: Quad, previous: Quad | null): number {
  if (!previous) return 0;
  const [now, before] = [quadPoints(q), quadPoints(previous)];
  const diagonal = distance(now[0], now[2]) || 1;
  return Math.max(...now.map((p, i) => distance(p, before[i]))) / diagonal;
}

/** The middle of the card's outline: its edges and the background beside a tilted edge are left out. */
export function cardMiddle(q: Quad, frame: Size): Bounds {
  // The box inside all four corners, then a margin of a twelfth of the card's width.
  const [left, right] = [Math.max(q.x1, q.x4), Math.min(q.x2, q.x3)];
  const [top, bottom] = [Math.max(q.y1, q.y2), Math.min(q.y3, q.y4)];
  const inset = (right - left) / 12;
  const clamp = (v: number, most: number) => Math.max(1, Math.min(most - 2, Math.round(v)));
  return {
    left: clamp(left + inset, frame.width),
    right: clamp(right - inset, frame.width),
    top: clamp(top + inset, frame.height),
    bottom: clamp(bottom - inset, frame.height),
  };
}

const luma = (d: RgbaFrame['data'], i: number) => 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];

/** The variance of the 4-neighbour Laplacian of the luma over `box`: low when the card is blurred. */
export function laplacianVariance(frame: RgbaFrame, box: Bounds): number {
  const { data, width } = frame;
  let [n, sum, squares] = [0, 0, 0];
  for (let y = Math.max(1, box.top); y < Math.min(frame.height - 1, box.bottom); y++) {
    for (let x = Math.max(1, box.left); x < Math.min(width - 1, box.right); x++) {
      const i = (y * width + x) * 4;
      const l =
        luma(data, i - 4) +
        luma(data, i + 4) +
        luma(data, i - width * 4) +
        luma(data, i + width * 4) -
        4 * luma(data, i);
      n++;
      sum += l;
      squares += l * l;
    }
  }
  return n === 0 ? 0 : squares / n - (sum / n) ** 2;
}

/** The share of `box`'s pixels that are saturated on every channel. */
export function saturatedShare(frame: RgbaFrame, box: Bounds): number {
  const { data, width } = frame;
  let [n, bright] = [0, 0];
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      const i = (y * width + x) * 4;
      n++;
      if (data[i] >= SATURATED && data[i + 1] >= SATURATED && data[i + 2] >= SATURATED) bright++;
    }
  }
  return n === 0 ? 0 : bright / n;
}

/** The mean luma of a 6×4 grid over `box`, less their mean: the card's look, whatever the light. */
function signatureOf(frame: RgbaFrame, box: Bounds): number[] {
  const cells: number[] = [];
  const [w, h] = [(box.right - box.left) / 6, (box.bottom - box.top) / 4];
  for (let gy = 0; gy < 4; gy++) {
    for (let gx = 0; gx < 6; gx++) {
      let [n, sum] = [0, 0];
      for (let y = Math.floor(box.top + gy * h); y < box.top + (gy + 1) * h; y += 2) {
        for (let x = Math.floor(box.left + gx * w); x < box.left + (gx + 1) * w; x += 2) {
          n++;
          sum += luma(frame.data, (y * frame.width + x) * 4);
        }
      }
      cells.push(n ? sum / n : 0);
    }
  }
  const mean = cells.reduce((a, b) => a + b, 0) / cells.length;
  return cells.map((v) => v - mean);
}

/** How different two signatures are, in grey levels: a few for the same card, tens for another. */
export const signatureDistance = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((total, v, i) => total + Math.abs(v - b[i]), 0) / a.length;

/** Everything the view needs to know about one frame, and the one hint it shows. */
export function analyseFrame(frame: RgbaFrame, context: FrameContext): FrameAnalysis {
  const quad = findCard(frame);
  if (!quad)
    return { hint: 'noCard', quad, cardSize: null, sharpness: 0, glare: 0, motion: 0, tilt: 0, signature: null };
  const k = context.full.width / frame.width;
  const measured = quadSize(quad);
  const cardSize = { width: measured.width * k, height: measured.height * k };
  const box = cardMiddle(quad, frame);
  const sharpness = laplacianVariance(frame, box);
  const glare = saturatedShare(frame, box);
  const motion = motionOf(quad, context.previous);
  const tilt = tiltOf(quad);
  const hint: GuidanceHint = isSmallerThan(cardSize, leastCardSize(context.service, context.full))
    ? 'moveCloser'
    : tilt > TILT_THRESHOLD_DEGREES
      ? 'tilted'
      : motion > MOTION_THRESHOLD
        ? 'holdStill'
        : sharpness < SHARPNESS_THRESHOLD
          ? 'blurred'
          : glare > GLARE_THRESHOLD
            ? 'glare'
            : 'ready';
  return { hint, quad, cardSize, sharpness, glare, motion, tilt, signature: signatureOf(frame, box) };
}
