import type { Size, StagePoint } from './view-transform';

// Where each box's label goes, in stage pixels. Fields on a card sit close together, so labels all
// drawn above their boxes cover one another (a licence's type and number share a line), hide the
// values a reviewer is checking, and run off the canvas at its edge. Labels are placed one at a
// time, each in the spot that covers least; one that can only cover another label is left out.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LabelRequest {
  /** The box's bounding rectangle on the stage. */
  box: Rect;
  /** The corner the label prefers to sit on: its lower-left corner goes just above this point. */
  anchor: StagePoint;
  width: number;
  height: number;
}

/** Space between a label and its box. */
const GAP = 2;

const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const inside = (r: Rect, area: Size) =>
  r.x >= 0 && r.y >= 0 && r.x + r.width <= area.width && r.y + r.height <= area.height;

const clampInto = (r: Rect, area: Size): Rect => ({
  ...r,
  x: Math.max(0, Math.min(r.x, area.width - r.width)),
  y: Math.max(0, Math.min(r.y, area.height - r.height)),
});

/** Above the anchor (the usual place), below the box, then the same two aligned to the box's right edge. */
function candidates({ box, anchor, width, height }: LabelRequest): Rect[] {
  const above = anchor.y - GAP - height;
  const below = box.y + box.height + GAP;
  const right = box.x + box.width - width;
  return [
    { x: anchor.x, y: above, width, height },
    { x: anchor.x, y: below, width, height },
    { x: right, y: above, width, height },
    { x: right, y: below, width, height },
  ];
}

/** The box less a pixel all round: a label set just above a tilted box may graze its corner. */
const inset = (r: Rect): Rect => ({ x: r.x + 1, y: r.y + 1, width: r.width - 2, height: r.height - 2 });

/**
 * Rectangles filed by the cells of a coarse grid over the canvas that they touch, so that the area a
 * rectangle covers of the others is summed over its neighbours only, not over every field on the
 * card: placing N labels took N² overlap tests, 0.5 s for 2,000 fields, and it runs on every draw.
 * Anything off the canvas is filed in the edge cells. The sum adds the same terms in the same order
 * as a sum over all of them (a rectangle that shares no cell overlaps nothing), so the result is the same.
 */
class RectGrid {
  // Each rectangle's edges, as overlap() computes them, so that the hot loop reads numbers, not objects.
  private readonly left: number[] = [];
  private readonly top: number[] = [];
  private readonly right: number[] = [];
  private readonly bottom: number[] = [];
  private readonly cells: number[][];
  private readonly columns: number;
  private readonly rows: number;
  private readonly cellWidth: number;
  private readonly cellHeight: number;
  /** Per rectangle, the last query that met it: one spanning several cells is counted once. */
  private readonly seen: number[] = [];
  private query = 0;
  // Scratch for one query, kept to spare the collector: the rectangles that overlap it, and by how much.
  private readonly hits: number[] = [];
  private readonly areas: number[] = [];

  constructor(area: Size) {
    this.columns = Math.min(GRID_MAX, Math.max(1, Math.ceil(area.width / CELL)));
    this.rows = Math.min(GRID_MAX, Math.max(1, Math.ceil(area.height / CELL)));
    this.cellWidth = Math.max(1, area.width) / this.columns;
    this.cellHeight = Math.max(1, area.height) / this.rows;
    this.cells = Array.from({ length: this.columns * this.rows }, () => []);
  }

  /** The cells a rectangle touches, clamped to the grid; a coordinate that is not a number spans it all. */
  private span(left: number, top: number, right: number, bottom: number): [number, number, number, number] {
    const at = (v: number, size: number, count: number, ifNaN: number) =>
      v >= 0 ? Math.min(count - 1, Math.floor(v / size)) : v < 0 ? 0 : ifNaN;
    const { columns, rows, cellWidth, cellHeight } = this;
    return [
      at(left, cellWidth, columns, 0),
      at(right, cellWidth, columns, columns - 1),
      at(top, cellHeight, rows, 0),
      at(bottom, cellHeight, rows, rows - 1),
    ];
  }

  add(r: Rect): void {
    const index = this.seen.push(0) - 1;
    this.left.push(r.x);
    this.top.push(r.y);
    this.right.push(r.x + r.width);
    this.bottom.push(r.y + r.height);
    const [c0, c1, r0, r1] = this.span(r.x, r.y, r.x + r.width, r.y + r.height);
    for (let row = r0; row <= r1; row++)
      for (let column = c0; column <= c1; column++) this.cells[row * this.columns + column].push(index);
  }

  /** overlap(r, ·) summed over the filed rectangles, in the order filed: the same sum, term for term. */
  overlapSum(r: Rect): number {
    const query = ++this.query;
    const { hits, areas, seen, left, top, right, bottom } = this;
    const [x0, y0, x1, y1] = [r.x, r.y, r.x + r.width, r.y + r.height];
    hits.length = 0;
    areas.length = 0;
    let inOrder = true;
    const [c0, c1, r0, r1] = this.span(x0, y0, x1, y1);
    for (let row = r0; row <= r1; row++)
      for (let column = c0; column <= c1; column++)
        for (const i of this.cells[row * this.columns + column]) {
          if (seen[i] === query) continue;
          seen[i] = query;
          const area =
            Math.max(0, Math.min(x1, right[i]) - Math.max(x0, left[i])) *
            Math.max(0, Math.min(y1, bottom[i]) - Math.max(y0, top[i]));
          if (area === 0) continue; // adds nothing to the sum, wherever it comes
          if (hits.length > 0 && i < hits[hits.length - 1]) inOrder = false;
          hits.push(i);
          areas.push(area);
        }
    let sum = 0;
    if (inOrder) for (const area of areas) sum += area;
    else for (const k of hits.map((_, k) => k).sort((a, b) => hits[a] - hits[b])) sum += areas[k];
    return sum;
  }
}

/** Grid cells of about three label heights (48 and 96 measured the same); at most 32 a side, so a rectangle over all of them is filed cheaply. */
const CELL = 64;
const GRID_MAX = 32;

export interface LabelSpot extends Rect {
  /** No free spot was left: the label is drawn only while its field is focused, over the others. */
  crowded: boolean;
}

/**
 * Places labels in the order given, each in the candidate spot that covers no label placed
 * before it and the least of every box, its own included; ties go to the earlier spot. A label
 * with no such spot is crowded out and takes no room from later ones, as labels on a map do; zooming
 * in makes room. A label whose box is on the canvas is pulled onto it; one whose box is entirely
 * off the canvas is not, since it would point at nothing.
 */
export function placeLabels(requests: readonly LabelRequest[], area: Size): LabelSpot[] {
  const boxes = new RectGrid(area);
  for (const r of requests) boxes.add(inset(r.box));
  const placed = new RectGrid(area);
  return requests.map((request) => {
    const boxShown = overlap(request.box, { x: 0, y: 0, ...area }) > 0 || inside(request.box, area);
    const spots = candidates(request).map((r) => (boxShown ? clampInto(r, area) : r));
    // The boxes a spot covers matter only between spots that cover as much of the labels: they are
    // summed only then (where most labels are crowded out, they rarely are).
    const boxCost: (number | undefined)[] = [];
    const boxesAt = (i: number) => (boxCost[i] ??= boxes.overlapSum(spots[i]));
    let choice = 0;
    let least = placed.overlapSum(spots[0]);
    for (let i = 1; i < spots.length; i++) {
      if (least === 0 && boxesAt(choice) === 0) break;
      const labels = placed.overlapSum(spots[i]);
      if (labels < least || (labels === least && boxesAt(i) < boxesAt(choice))) [choice, least] = [i, labels];
    }
    const crowded = least > 0;
    if (!crowded) placed.add(spots[choice]);
    return { ...spots[choice], crowded };
  });
}
