import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pngPixels, reduce } from '../../scripts/node-card-reader';
import { blurredCopy, withPatch, type Photo } from '@/test-support/photo-edits';
import { drawScene } from '@/test-support/synthetic-frames';
import { cardIn, FINDER_SIDE, qualityOf, scaledQuad, within, workingSize } from './file-quality';
import { cardMiddle, laplacianVariance, SHARPNESS_THRESHOLD } from './frame-guidance';

const sample = (file: string) => pngPixels(readFileSync(`public/samples/${file}`));

/** What the check's worker does, with an area-average reduction standing in for the browser's resizing decode. */
function check(full: Photo) {
  const copy = within(full, FINDER_SIDE);
  const card = cardIn(reduce(full, copy.width, copy.height));
  const work = workingSize(full, copy, card);
  return qualityOf(reduce(full, work.width, work.height), scaledQuad(card, copy, work), full);
}
const hintsOf = (full: Photo) => {
  const quality = check(full);
  return quality.kind === 'checked' ? quality.hints : quality.why;
};
// Over the number's first two groups: the specimen's digits span 7–89% of its width, 57–66% of its height.
const OVER_NUMBER = { left: 0.1, top: 0.45, right: 0.5, bottom: 0.65 };

describe('the quality of a dropped photo', () => {
  it('finds nothing wrong with the sharp specimens, but the one below 760×480', () => {
    for (const file of ['credit-card.png', 'credit-card-hires.png', 'credit-card-angled.png', 'id-resident.png'])
      expect(hintsOf(sample(file)), file).toEqual([]);
    expect(hintsOf(sample('credit-card-low-res.png'))).toEqual(['lowResolution']);
  });

  it('says blurred when the same photos are blurred', () => {
    expect(hintsOf(blurredCopy(sample('credit-card.png'), 3))).toEqual(['blurred']);
    expect(hintsOf(blurredCopy(sample('id-passport.png'), 2))).toEqual(['blurred']);
    expect(hintsOf(blurredCopy(sample('credit-card-angled.png'), 2))).toEqual(['blurred']);
    expect(hintsOf(blurredCopy(sample('credit-card-low-res.png'), 2))).toEqual(['blurred', 'lowResolution']);
  });

  it('says glare over a saturated patch on the number, but not over white print or a pale card', () => {
    expect(hintsOf(withPatch(sample('credit-card.png'), OVER_NUMBER))).toEqual(['glare']);
    expect(hintsOf(withPatch(sample('credit-card-hires.png'), OVER_NUMBER))).toEqual(['glare']);
    // The specimen's digits are pure white, and the resident card fades to near white at its corner.
    expect(hintsOf(sample('credit-card.png'))).toEqual([]);
    expect(hintsOf(sample('id-resident.png'))).toEqual([]);
  });

  it('measures at the camera’s scale: a sharp scan of 1800 pixels would read as blurred at its own size', () => {
    const hires = sample('credit-card-hires.png');
    const whole = { x1: 0, y1: 0, x2: hires.width, y2: 0, x3: hires.width, y3: hires.height, x4: 0, y4: hires.height };
    expect(laplacianVariance(hires, cardMiddle(whole, hires))).toBeLessThan(SHARPNESS_THRESHOLD);
    const quality = check(hires);
    expect(quality.kind === 'checked' && quality.sharpness).toBeGreaterThan(SHARPNESS_THRESHOLD * 2);
  });

  it('measures a card held in front of a background at the card, not the photo', () => {
    // The camera's drawn frame at twice its size: the card is 840 of 1280 pixels wide.
    const frame = drawScene({ width: 1280, height: 720, cardWidth: 840 }) as Photo;
    const copy = within(frame, FINDER_SIDE);
    const card = cardIn(reduce(frame, copy.width, copy.height));
    expect(card.x1).toBeGreaterThan(100); // found, not the whole frame
    expect(workingSize(frame, copy, card).width).toBe(731); // 840 → 480 card pixels
    expect(hintsOf(frame)).toEqual([]);
    expect(hintsOf(drawScene({ width: 1280, height: 720, cardWidth: 840, blur: 4 }) as Photo)).toEqual(['blurred']);
  });
});
