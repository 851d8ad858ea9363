import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome, CreditCardResult, IdCardResult, ImageQuad } from '@/api';
import { buildCardView } from '@/features/card-view';
import { sample } from '@/test-support/sandbox-fixture';
import { coverPlan, grow, textHeight, type Cover } from './presentation-cover';

const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };
const creditCard = (edit: (r: CreditCardResult) => void = () => undefined) => {
  const result = structuredClone(sample('credit-card.png').result as CreditCardResult);
  edit(result);
  return buildCardView({ kind: 'credit-card', result, timings, keyVersion: '0' } satisfies AnalysisOutcome);
};
const idCard = (file: string, edit: (r: IdCardResult) => void = () => undefined) => {
  const result = structuredClone(sample(file).result as IdCardResult);
  edit(result);
  return buildCardView({ kind: 'id-card-stand-alone', result, timings, keyVersion: '0' });
};
const quad = (l: number, t: number, r: number, b: number) =>
  ({ x1: l, y1: t, x2: r, y2: t, x3: r, y3: b, x4: l, y4: b }) as ImageQuad;
const regions = (plan: ReturnType<typeof coverPlan>): Cover[] => (plan.whole ? [] : plan.regions);
/** Whether the cover's quad holds the box entirely (both axis-aligned here). */
const holds = (cover: Cover, box: ImageQuad) =>
  cover.quad.x1 <= box.x1 && cover.quad.y1 <= box.y1 && cover.quad.x3 >= box.x3 && cover.quad.y3 >= box.y3;

describe('presentation cover', () => {
  it('covers the whole card until there is a result', () => {
    expect(coverPlan(null)).toEqual({ whole: true, reason: 'no-result' });
  });

  it('covers every card-number group, grown, and the line the whole number spans', () => {
    const card = creditCard();
    const plan = coverPlan(card);
    const boxes = (sample('credit-card.png').result as CreditCardResult).cardNumBoxes;
    for (const box of boxes) expect(regions(plan).some((c) => holds(c, box))).toBe(true);
    const line = quad(boxes[0].x1, boxes[0].y1, boxes[3].x3, boxes[3].y3);
    expect(regions(plan).some((c) => holds(c, line))).toBe(true);
  });

  it('sizes each block to half the text height at least, never to a fixed pixel count', () => {
    const small = coverPlan(creditCard((r) => (r.cardNumBoxes = r.cardNumBoxes.map(() => quad(10, 10, 90, 30)))));
    const big = coverPlan(creditCard((r) => (r.cardNumBoxes = r.cardNumBoxes.map(() => quad(100, 100, 900, 300)))));
    expect(Math.min(...regions(small).map((c) => c.block))).toBeGreaterThanOrEqual(10);
    expect(Math.min(...regions(big).map((c) => c.block))).toBeGreaterThanOrEqual(100);
  });

  it('covers the whole card when a card-number group has no box: its digits could be anywhere', () => {
    expect(coverPlan(creditCard((r) => (r.cardNumBoxes = r.cardNumBoxes.slice(0, 3))))).toEqual({
      whole: true,
      reason: 'unplaced',
    });
  });

  it('covers text the service found but did not name', () => {
    const extra = quad(500, 500, 600, 540);
    expect(regions(coverPlan(creditCard((r) => (r.boxes = [extra])))).some((c) => holds(c, extra))).toBe(true);
  });

  it('covers the licence number, the resident number and the serial number of a driver licence', () => {
    const card = idCard('id-driver.png');
    for (const key of ['driverLicenseNumber', 'residentNumber', 'serialNum']) {
      const box = card.fields.find((f) => f.key === key)!.quad!;
      expect(
        regions(coverPlan(card)).some((c) => holds(c, box)),
        key,
      ).toBe(true);
    }
  });

  it('covers both MRZ lines and the passport and personal numbers', () => {
    const card = idCard('id-passport.png');
    for (const key of ['MRZ1', 'MRZ2', 'passportNo', 'personalNo']) {
      const box = card.fields.find((f) => f.key === key)!.quad!;
      expect(
        regions(coverPlan(card)).some((c) => holds(c, box)),
        key,
      ).toBe(true);
    }
  });

  it('grows a tilted box along its own axes', () => {
    // A box leaning 45°: 100 along, 20 across.
    const s = Math.SQRT1_2;
    const tilted = {
      x1: 0,
      y1: 0,
      x2: 100 * s,
      y2: 100 * s,
      x3: 100 * s - 20 * s,
      y3: 100 * s + 20 * s,
      x4: -20 * s,
      y4: 20 * s,
    } as ImageQuad;
    expect(textHeight(tilted)).toBeCloseTo(20);
    const grown = grow(tilted, 5);
    expect(textHeight(grown)).toBeCloseTo(30);
    expect(Math.hypot(grown.x2 - grown.x1, grown.y2 - grown.y1)).toBeCloseTo(110);
  });

  it('covers the whole card when a sensitive box has no height, or lies off the picture', () => {
    const flat = creditCard((r) => (r.cardNumBoxes[1] = quad(300, 300, 400, 300)));
    expect(coverPlan(flat)).toEqual({ whole: true, reason: 'unplaced' });
    const away = creditCard((r) => (r.cardNumBoxes[2] = quad(5000, 5000, 5100, 5040)));
    expect(coverPlan(away, { width: 1000, height: 630 })).toEqual({ whole: true, reason: 'unplaced' });
    expect(coverPlan(creditCard(), { width: 1000, height: 630 }).whole).toBe(false);
  });
});
