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
  const boxes = requests.map((r) => inset(r.box));
  const placed: Rect[] = [];
  return requests.map((request) => {
    const boxShown = overlap(request.box, { x: 0, y: 0, ...area }) > 0 || inside(request.box, area);
    const spots = candidates(request).map((r) => (boxShown ? clampInto(r, area) : r));
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
