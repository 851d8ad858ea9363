import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome, CreditCardResult, IdCardResult, ImageQuad } from '@/api';
import { buildCardView } from '@/model/card-view/card-view';
import { sample } from '@/test-support/sandbox-fixture';
import { mosaicGrid } from './cover-picture';
import { quadHeight } from '@/lib/quad';
import { coverPlan, grow, type CoverPlan } from './cover-plan';

const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };
const CARD = { width: 1000, height: 630 };
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
/** Whether the region holds the box entirely (both axis-aligned here). */
const holds = (region: ImageQuad, box: ImageQuad) =>
  region.x1 <= box.x1 && region.y1 <= box.y1 && region.x3 >= box.x3 && region.y3 >= box.y3;
const overlaps = (a: ImageQuad, b: ImageQuad) => a.x1 < b.x3 && b.x1 < a.x3 && a.y1 < b.y3 && b.y1 < a.y3;
/** Whether a point is shown as it is: inside a reveal and inside no conceal. */
const shows = (plan: CoverPlan, x: number, y: number) => {
  const dot = quad(x, y, x + 0.01, y + 0.01);
  return plan.reveal.some((r) => holds(r, dot)) && !plan.conceal.some((c) => overlaps(c, dot));
};
const boxOf = (card: ReturnType<typeof idCard>, key: string) => card.fields.find((f) => f.key === key)!.quad!;
const centre = (q: ImageQuad) => [(q.x1 + q.x3) / 2, (q.y1 + q.y3) / 2] as const;

describe('the cover plan', () => {
  it('covers the whole card until there is a result', () => {
    expect(coverPlan(null, CARD)).toMatchObject({ whole: 'no-result', reveal: [], conceal: [] });
  });

  it('reveals only the card-number groups the mask shows whole, and the expiry, each grown', () => {
    const card = creditCard();
    const plan = coverPlan(card, CARD);
    const boxes = (sample('credit-card.png').result as CreditCardResult).cardNumBoxes;
    expect(plan.whole).toBeNull();
    expect(plan.reveal).toHaveLength(3);
    for (const shown of [boxes[0], boxes[3], card.fields.find((f) => f.key === 'validThru')!.quad!])
      expect(plan.reveal.some((r) => holds(r, shown) && !holds(shown, r))).toBe(true);
    // 4111 11•• •••• 1111: the second and third groups hold hidden digits, so neither shows.
    for (const hidden of [boxes[1], boxes[2]]) {
      expect(shows(plan, ...centre(hidden))).toBe(false);
      expect(plan.conceal.some((c) => holds(c, hidden))).toBe(true);
    }
  });

  it('covers everything the answer has no box for: an address, a photo, a name', () => {
    // As NHN answers a resident card: four fields placed, the address and photo not at all.
    const card = idCard('id-resident.png', (r) => delete r.boxes);
    const plan = coverPlan(card, CARD);
    expect(plan.whole).toBeNull();
    expect(shows(plan, ...centre(boxOf(card, 'issueDate')))).toBe(true);
    // The address line and the photo (see the specimen), the name and the resident number.
    for (const [x, y] of [[300, 336], [815, 280], centre(boxOf(card, 'name')), centre(boxOf(card, 'residentNumber'))])
      expect(shows(plan, x, y)).toBe(false);
  });

  it('covers text the service found but did not name, even where it meets a value that may show', () => {
    const expiry = quad(418, 486, 549, 530);
    const plan = coverPlan(
      creditCard((r) => (r.boxes = [quad(500, 480, 600, 530)])),
      CARD,
    );
    expect(shows(plan, 430, 500)).toBe(true);
    expect(shows(plan, 520, 500)).toBe(false);
    expect(plan.reveal.some((r) => holds(r, expiry))).toBe(true);
  });

  it('does not reveal a box far wider or taller than its own characters could fill', () => {
    const wide = coverPlan(
      creditCard((r) => (r.cardNumBoxes[0] = quad(69, 359, 885, 414))),
      CARD,
    );
    expect(shows(wide, 500, 390)).toBe(false);
    expect(wide.reveal).toHaveLength(2);
    const tall = coverPlan(
      creditCard((r) => (r.validThruBox = quad(418, 100, 549, 600))),
      CARD,
    );
    expect(shows(tall, 480, 300)).toBe(false);
  });

  it('reveals no ID value but dates: licence, resident and serial numbers, names, the MRZ stay covered', () => {
    for (const [file, open] of [
      ['id-driver.png', ['issueDate']],
      ['id-passport.png', ['dateOfIssue', 'dateOfIssueYMD', 'dateOfExpiry', 'dateOfExpiryYMD']],
    ] as const) {
      const card = idCard(file);
      const plan = coverPlan(card, CARD);
      for (const field of card.fields.filter((f) => f.quad)) {
        // A value may sit inside another's box (the passport's YMD twins); its own reveal is what counts here.
        const own = plan.reveal.some((r) => holds(r, field.quad!));
        expect(own, field.key).toBe((open as readonly string[]).includes(field.key));
      }
    }
  });

  it('sizes blocks to half the tallest text at least, and to a twentieth of the card', () => {
    expect(coverPlan(creditCard(), CARD).block).toBeGreaterThanOrEqual(55 / 2);
    expect(coverPlan(null, CARD).block).toBeGreaterThanOrEqual(630 / 20);
    const big = coverPlan(
      creditCard((r) => (r.cardNumBoxes = r.cardNumBoxes.map(() => quad(100, 100, 300, 200)))),
      CARD,
    );
    expect(big.block).toBeGreaterThanOrEqual(50);
    expect(big.block).toBeLessThanOrEqual(630);
  });

  it('covers the whole card when a card-number group has no box: its digits could be anywhere', () => {
    expect(
      coverPlan(
        creditCard((r) => (r.cardNumBoxes = r.cardNumBoxes.slice(0, 3))),
        CARD,
      ),
    ).toMatchObject({
      whole: 'unplaced',
      reveal: [],
    });
  });

  it.each([
    ['far taller than the picture', quad(510, -3000, 665, 3630)],
    ['at the float limit', quad(510, -1e308, 665, 1e308)],
    ['of infinite size', quad(510, 0, Infinity, 400)],
    ['not a number', quad(510, NaN, 665, 400)],
    ['far off the picture', quad(5000, 5000, 5100, 5040)],
    ['of no height', quad(300, 300, 400, 300)],
    ['of no length', quad(300, 300, 300, 340)],
  ])('covers the whole card, with its reason, when a card-number box is %s', (_, box) => {
    const plan = coverPlan(
      creditCard((r) => (r.cardNumBoxes[2] = box)),
      CARD,
    );
    expect(plan).toMatchObject({ whole: 'unusable', reveal: [], conceal: [] });
    expect(Number.isFinite(plan.block)).toBe(true);
    expect(plan.block).toBeLessThanOrEqual(630);
  });

  it('covers the whole card when any box cannot be on the picture, a harmless one too', () => {
    expect(
      coverPlan(
        creditCard((r) => (r.validThruBox = quad(0, -1e308, 10, 1e308))),
        CARD,
      ).whole,
    ).toBe('unusable');
    expect(
      coverPlan(
        creditCard((r) => (r.boxes = [quad(0, 0, 1e6, 10)])),
        CARD,
      ).whole,
    ).toBe('unusable');
    expect(
      coverPlan(
        idCard('id-resident.png', (r) => (r.keyValues[0].bbox = quad(0, 0, 9e9, 40))),
        CARD,
      ).whole,
    ).toBe('unusable');
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
    expect(quadHeight(tilted)).toBeCloseTo(20);
    const grown = grow(tilted, 5);
    expect(quadHeight(grown)).toBeCloseTo(30);
    expect(Math.hypot(grown.x2 - grown.x1, grown.y2 - grown.y1)).toBeCloseTo(110);
  });
});

describe('the mosaic grid', () => {
  it('cuts blocks no smaller than asked and no larger than the picture', () => {
    for (const [width, height, block] of [
      [1000, 630, 31.5],
      [96, 60, 3],
      [1000, 630, 3315],
      [1000, 630, 1e308],
      [7, 5, 2],
    ]) {
      const { columns, rows } = mosaicGrid(width, height, block);
      expect(columns).toBeGreaterThanOrEqual(1);
      expect(rows).toBeGreaterThanOrEqual(1);
      expect(width / columns).toBeLessThanOrEqual(width);
      expect(height / rows).toBeLessThanOrEqual(height);
      if (block <= Math.min(width, height)) {
        expect(width / columns).toBeGreaterThanOrEqual(block);
        expect(height / rows).toBeGreaterThanOrEqual(block);
      }
    }
  });
});
