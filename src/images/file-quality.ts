// The camera's quality checks (frame-guidance.ts) on a dropped photo, before it is sent: blurred, glare over
// the number, below the recommended resolution. The camera's thresholds were chosen on a 640-pixel copy of a
// video frame, in which a card ready to take is 380–600 pixels wide; a photo's card is brought to that width
// first, so that a sharp 4000-pixel photo does not read as blurred, nor a blurred one as sharp.
import type { PhotoQuality, QualityHint } from '@/model/second-read/photo-quality';
import { isLowResolution, type Size } from '@/lib/image-size';
import { scaleQuad, type Bounds, type Quad } from '@/lib/quad';
import { findCard, type RgbaFrame } from './card-finder';
import { cardMiddle, GLARE_THRESHOLD, laplacianVariance, quadSize, SHARPNESS_THRESHOLD } from './frame-guidance';

/** The card is looked for in a copy of the photo this many pixels along its longer side, as in the camera's. */
export const FINDER_SIDE = 640;
/** The card's width, in pixels, it is measured at: that of a card the camera view takes. */
export const WORKING_CARD_WIDTH = 480;

/** The size a copy no larger than `most` along its longer side has, keeping the shape; never larger than `size`. */
export function within({ width, height }: Size, most: number): Size {
  const k = Math.min(1, most / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/** The whole frame as an outline: a scan or a photo cropped to the card, where no background surrounds it. */
export const wholeFrame = ({ width, height }: Size): Quad => ({
  ...{ x1: 0, y1: 0, x2: width, y2: 0 },
  ...{ x3: width, y3: height, x4: 0, y4: height },
});

/** Longer side over shorter of a card (85.6 × 54 mm) or a passport's page (125 × 88 mm), with room for a tilt. */
const CARD_SHAPE = { least: 1.25, most: 2 };
/** A found region smaller than this share of the photo is a part of a scanned card (its photo, a logo), not a card. */
const LEAST_CARD_SHARE = 0.15;

/**
 * The card's outline in `frame`, or the whole frame when none stands out from a background: a scan, or a
 * photo cropped to the card, has no background, and the finder then picks some region inside the card.
 */
export function cardIn(frame: RgbaFrame): Quad {
  const found = findCard(frame);
  if (!found) return wholeFrame(frame);
  const { width, height } = quadSize(found);
  const shape = Math.max(width, height) / Math.max(1, Math.min(width, height));
  const share = (width * height) / (frame.width * frame.height);
  const cardLike = shape >= CARD_SHAPE.least && shape <= CARD_SHAPE.most && share >= LEAST_CARD_SHARE;
  return cardLike ? found : wholeFrame(frame);
}

/**
 * The size to measure a photo at: the card (its outline in a copy of `copy` size) brought to
 * WORKING_CARD_WIDTH pixels, never enlarged past the photo's own `full` size, whose pixels would only be spread.
 */
export function workingSize(full: Size, copy: Size, card: Quad): Size {
  const cardWidth = Math.max(quadSize(card).width, quadSize(card).height) * (full.width / copy.width);
  const k = Math.min(1, WORKING_CARD_WIDTH / cardWidth);
  return { width: Math.max(1, Math.round(full.width * k)), height: Math.max(1, Math.round(full.height * k)) };
}

/** The scale of an outline found in one copy to another copy of the same photo. */
export const scaledQuad = (q: Quad, from: Size, to: Size): Quad =>
  scaleQuad(q, to.width / from.width, to.height / from.height);

/**
 * The photo's quality from a copy at workingSize (`frame`), the card's outline in it, and the photo's own
 * upright size: the service's `resolution` rule is about the whole image it is sent.
 */
export function qualityOf(frame: RgbaFrame, card: Quad, full: Size): PhotoQuality {
  const box = cardMiddle(card, frame);
  const sharpness = laplacianVariance(frame, box);
  const glare = glareShare(frame, box);
  const hints: QualityHint[] = [];
  if (sharpness < SHARPNESS_THRESHOLD) hints.push('blurred');
  if (glare > GLARE_THRESHOLD) hints.push('glare');
  if (isLowResolution(full)) hints.push('lowResolution');
  return { kind: 'checked', hints, sharpness, glare };
}

/** Saturated on every channel, as frame-guidance.ts counts it. */
const SATURATED = 254;
/**
 * How far, in the working copy's pixels, saturation must reach on all four sides for a pixel to count as glare:
 * a reflection is a patch, while white print (a specimen's digits are pure white) is strokes 2–4 pixels wide.
 */
const GLARE_REACH = 3;

/** The share of `box`'s pixels inside a saturated patch at least 2 × GLARE_REACH + 1 pixels across. */
export function glareShare(frame: RgbaFrame, box: Bounds): number {
  const { data, width, height } = frame;
  const saturated = (x: number, y: number) => {
    if (x < 0 || y < 0 || x >= width || y >= height) return false;
    const i = (y * width + x) * 4;
    return data[i] >= SATURATED && data[i + 1] >= SATURATED && data[i + 2] >= SATURATED;
  };
  const r = GLARE_REACH;
  let [n, glared] = [0, 0];
  for (let y = box.top; y < box.bottom; y++) {
    for (let x = box.left; x < box.right; x++) {
      n++;
      if (saturated(x, y) && saturated(x - r, y) && saturated(x + r, y) && saturated(x, y - r) && saturated(x, y + r))
        glared++;
    }
  }
  return n === 0 ? 0 : glared / n;
}
