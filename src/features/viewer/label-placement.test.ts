import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeLabels, type LabelRequest, type Rect } from './label-placement';
import { stagePoint } from './view-transform';

const AREA = { width: 800, height: 500 };

/** A box with its label anchored on its top-left corner, as the overlay asks. */
function request(x: number, y: number, boxWidth: number, labelWidth: number): LabelRequest {
  return {
    box: { x, y, width: boxWidth, height: 24 },
    anchor: stagePoint(x, y),
    width: labelWidth,
    height: 18,
  };
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeLabels', () => {
  it('puts a lone label just above its box, at the anchor', () => {
    expect(placeLabels([request(100, 100, 80, 120)], AREA)).toEqual([
      { x: 100, y: 80, width: 120, height: 18, crowded: false },
    ]);
  });

  it('moves a label below its box when the one above is taken, as on a licence’s first line', () => {
    // A short box whose label is wider than it, beside a long one on the same line.
    const [number, type] = placeLabels([request(150, 100, 190, 220), request(50, 100, 60, 150)], AREA);
    expect(number).toMatchObject({ x: 150, y: 80 });
    expect(type).toMatchObject({ x: 50, y: 126 });
    expect(overlaps(number, type)).toBe(false);
  });

  it('gives the usual spot to whichever comes first', () => {
    const [first] = placeLabels([request(50, 100, 60, 150), request(150, 100, 190, 220)], AREA);
    expect(first).toMatchObject({ x: 50, y: 80 });
  });

  it('crowds out a label with no free spot, which then takes no room from the next', () => {
    const spots = placeLabels(
      [
        request(100, 100, 100, 100), // its label goes above it
        request(100, 146, 100, 100), // its label goes above it, which is just below the first box
        { ...request(100, 100, 100, 100), width: 150 }, // the same box again: above and below are taken
        request(210, 100, 40, 40), // its usual spot is clear of every label shown
      ],
      AREA,
    );
    expect(spots.map((s) => s.crowded)).toEqual([false, false, true, false]);
    expect(spots[3]).toMatchObject({ x: 210, y: 80 });
  });

  it('keeps a label on the canvas when its box is on it', () => {
    // At the right edge, the label is pulled in to end at the edge instead of running off.
    expect(placeLabels([request(760, 100, 30, 160)], AREA)[0]).toMatchObject({ x: 640, y: 80 });
    // At the top, it goes below the box rather than being cut off above it.
    expect(placeLabels([request(100, 5, 80, 120)], AREA)[0]).toMatchObject({ x: 100, y: 31 });
    // A box half off the left edge: no spot fits as it is, so the usual one is pulled in.
    expect(placeLabels([request(-20, 100, 40, 100)], AREA)[0]).toMatchObject({ x: 0, y: 80 });
  });

  it('would rather cover nothing than another field’s value', () => {
    // Two fields stacked with no room between them: the upper one's label would sit on the lower
    // box if placed below, so it goes above; the lower one's label goes below its own box.
    const [upper, lower] = placeLabels([request(100, 100, 80, 60), request(100, 124, 80, 60)], AREA);
    expect(upper).toMatchObject({ x: 100, y: 80 });
    expect(lower).toMatchObject({ x: 100, y: 150 });
  });

  it('finds three labels on one crowded line a spot each', () => {
    const spots = placeLabels([request(10, 100, 60, 150), request(90, 100, 60, 150), request(170, 100, 60, 150)], AREA);
    expect(spots.map((s) => s.crowded)).toEqual([false, false, false]);
    for (let i = 0; i < spots.length; i++)
      for (let j = i + 1; j < spots.length; j++) expect(overlaps(spots[i], spots[j])).toBe(false);
  });

  it('never shows two labels over each other', () => {
    const box = fc.record({ x: fc.integer({ min: -100, max: 900 }), y: fc.integer({ min: -50, max: 550 }) });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 60 }), fc.integer({ min: 20, max: 300 }), (boxes, labelWidth) => {
        const shown = placeLabels(
          boxes.map(({ x, y }) => request(x, y, 60, labelWidth)),
          AREA,
        ).filter((s) => !s.crowded);
        for (let i = 0; i < shown.length; i++)
          for (let j = i + 1; j < shown.length; j++) expect(overlaps(shown[i], shown[j])).toBe(false);
      }),
    );
  });

  it('leaves a label where it is when its box is off the canvas', () => {
    expect(placeLabels([request(900, 100, 80, 120)], AREA)[0]).toMatchObject({ x: 900, y: 80 });
  });

  it('puts every label on the canvas when its box is on it', () => {
    const box = fc.record({
      x: fc.integer({ min: 0, max: 780 }),
      y: fc.integer({ min: 0, max: 480 }),
      labelWidth: fc.integer({ min: 20, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(box, { maxLength: 40 }), (boxes) => {
        const spots = placeLabels(
          boxes.map(({ x, y, labelWidth }) => request(x, y, 20, labelWidth)),
          AREA,
        );
        for (const s of spots) {
          expect(s.x).toBeGreaterThanOrEqual(0);
          expect(s.y).toBeGreaterThanOrEqual(0);
          expect(s.x + s.width).toBeLessThanOrEqual(AREA.width);
          expect(s.y + s.height).toBeLessThanOrEqual(AREA.height);
        }
      }),
    );
  });

  it('leaves labels above their boxes when there is room for all of them there', () => {
    const grid = fc.uniqueArray(
      fc.record({ column: fc.integer({ min: 0, max: 4 }), row: fc.integer({ min: 0, max: 5 }) }),
      { selector: (c) => `${c.column},${c.row}`, maxLength: 30 },
    );
    fc.assert(
      fc.property(grid, fc.integer({ min: 40, max: 120 }), (cells, labelWidth) => {
        const spots = placeLabels(
          cells.map(({ column, row }) => request(20 + column * 160, 30 + row * 80, 100, labelWidth)),
          AREA,
        );
        spots.forEach((spot, i) =>
          expect(spot).toMatchObject({ x: 20 + cells[i].column * 160, y: 30 + cells[i].row * 80 - 20 }),
        );
      }),
    );
  });
});

/**
 * The placement as first written, every label against every box and label: the grid must give the
 * same spots, to the last bit, since it only skips rectangles that overlap nothing.
 */
function placeLabelsByEveryPair(requests: readonly LabelRequest[], area: typeof AREA) {
  const overlap = (a: Rect, b: Rect) =>
    Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inside = (r: Rect) => r.x >= 0 && r.y >= 0 && r.x + r.width <= area.width && r.y + r.height <= area.height;
  const clampInto = (r: Rect): Rect => ({
    ...r,
    x: Math.max(0, Math.min(r.x, area.width - r.width)),
    y: Math.max(0, Math.min(r.y, area.height - r.height)),
  });
  const boxes = requests.map(({ box: r }) => ({ x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 }));
  const placed: Rect[] = [];
  return requests.map(({ box, anchor, width, height }) => {
    const boxShown = overlap(box, { x: 0, y: 0, ...area }) > 0 || inside(box);
    const [above, below, right] = [anchor.y - 2 - height, box.y + box.height + 2, box.x + box.width - width];
    const spots = [
      { x: anchor.x, y: above, width, height },
      { x: anchor.x, y: below, width, height },
      { x: right, y: above, width, height },
      { x: right, y: below, width, height },
    ].map((r) => (boxShown ? clampInto(r) : r));
    const cost = (r: Rect) => ({
      labels: placed.reduce((sum, p) => sum + overlap(r, p), 0),
      boxes: boxes.reduce((sum, b) => sum + overlap(r, b), 0),
    });
    let choice = spots[0];
    let least = cost(choice);
    for (const spot of spots.slice(1)) {
      if (least.labels === 0 && least.boxes === 0) break;
      const c = cost(spot);
      if (c.labels < least.labels || (c.labels === least.labels && c.boxes < least.boxes)) [choice, least] = [spot, c];
    }
    const crowded = least.labels > 0;
    if (!crowded) placed.push(choice);
    return { ...choice, crowded };
  });
}

describe('placeLabels over a grid', () => {
  const coordinate = (min: number, max: number) => fc.double({ min, max, noNaN: true });
  const labelRequest = fc
    .record({
      x: coordinate(-300, 1100),
      y: coordinate(-300, 800),
      width: fc.oneof(coordinate(0, 200), coordinate(-2, 2), coordinate(800, 5000)),
      height: fc.oneof(coordinate(0, 40), coordinate(-2, 2), coordinate(500, 3000)),
      labelWidth: coordinate(10, 300),
      labelHeight: coordinate(10, 30),
    })
    .map(({ x, y, width, height, labelWidth, labelHeight }): LabelRequest => ({
      box: { x, y, width, height },
      anchor: stagePoint(x, y),
      width: labelWidth,
      height: labelHeight,
    }));
  // Fields on top of one another, as a card's crowded lines and a hostile answer both give.
  const withRepeats = fc
    .array(labelRequest, { minLength: 1, maxLength: 40 })
    .chain((distinct) => fc.array(fc.constantFrom(...distinct), { maxLength: 150 }));

  it('places every label exactly where comparing every pair places it', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(labelRequest, { maxLength: 150 }), withRepeats),
        fc.constantFrom(AREA, { width: 1, height: 1 }, { width: 2400, height: 1600 }),
        (requests, area) => {
          expect(placeLabels(requests, area)).toEqual(placeLabelsByEveryPair(requests, area));
        },
      ),
      { numRuns: 300 },
    );
  });
});
