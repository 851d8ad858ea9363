// A cheap card finder for a small copy of a camera frame: the card is the largest region that differs from
// the frame's border (the table or the hand behind it), and its corners are that region's extremes along the
// two diagonals. It finds a card held in front of a plainer background in a fraction of a millisecond
// (frame-guidance.test.ts measures it), where the reader's text detector would take a second.
import type { Quad } from '@/lib/quad';

/** A frame's pixels as a canvas gives them: RGBA, row by row. */
export interface RgbaFrame {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

/** The finder works on blocks of about this many across the frame, whatever its size. */
const GRID_COLUMNS = 160;
/** How far (|ΔR|+|ΔG|+|ΔB|) a block's colour must be from the background's to belong to a card. */
const COLOUR_DISTANCE = 70;
/** A card smaller than this share of the frame is too far to read anyway. */
const MIN_AREA_SHARE = 0.04;
/** The region must fill its four corners' outline this well, row by row, to be a card and not a blob. */
const MIN_FILL = 0.85;

interface Grid {
  columns: number;
  rows: number;
  cell: number;
  rgb: Float32Array;
}

function blockMeans(frame: RgbaFrame): Grid {
  const cell = Math.max(1, Math.round(frame.width / GRID_COLUMNS));
  const columns = Math.floor(frame.width / cell);
  const rows = Math.floor(frame.height / cell);
  const rgb = new Float32Array(columns * rows * 3);
  const { data, width } = frame;
  for (let y = 0; y < rows * cell; y++) {
    const row = Math.floor(y / cell) * columns;
    for (let x = 0; x < columns * cell; x++) {
      const at = (y * width + x) * 4;
      const block = (row + Math.floor(x / cell)) * 3;
      rgb[block] += data[at];
      rgb[block + 1] += data[at + 1];
      rgb[block + 2] += data[at + 2];
    }
  }
  const n = cell * cell;
  for (let i = 0; i < rgb.length; i++) rgb[i] /= n;
  return { columns, rows, cell, rgb };
}

const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1];

/** The background's colour: the median of the blocks along the frame's edge, channel by channel. */
function borderColour({ columns, rows, rgb }: Grid): [number, number, number] {
  const channels: [number[], number[], number[]] = [[], [], []];
  const take = (x: number, y: number) => {
    for (let c = 0; c < 3; c++) channels[c].push(rgb[(y * columns + x) * 3 + c]);
  };
  for (let x = 0; x < columns; x++) {
    take(x, 0);
    take(x, rows - 1);
  }
  for (let y = 1; y < rows - 1; y++) {
    take(0, y);
    take(columns - 1, y);
  }
  return [median(channels[0]), median(channels[1]), median(channels[2])];
}

/** The largest 4-connected region of the mask, as a list of block indexes. */
function largestRegion(mask: Uint8Array, columns: number): Int32Array {
  const seen = new Uint8Array(mask.length);
  const stack = new Int32Array(mask.length);
  let best = new Int32Array(0);
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const region: number[] = [];
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    while (top > 0) {
      const i = stack[--top];
      region.push(i);
      const x = i % columns;
      const neighbours = [x > 0 ? i - 1 : -1, x < columns - 1 ? i + 1 : -1, i - columns, i + columns];
      for (const j of neighbours) {
        if (j < 0 || j >= mask.length || !mask[j] || seen[j]) continue;
        seen[j] = 1;
        stack[top++] = j;
      }
    }
    if (region.length > best.length) best = Int32Array.from(region);
  }
  return best;
}

const shoelace = (q: Quad): number =>
  Math.abs(
    q.x1 * q.y2 - q.x2 * q.y1 + q.x2 * q.y3 - q.x3 * q.y2 + q.x3 * q.y4 - q.x4 * q.y3 + q.x4 * q.y1 - q.x1 * q.y4,
  ) / 2;

/**
 * The card's outline in the frame's pixels, corners clockwise from the top-left; null when no whole card
 * stands out from the background (none, one cut by the frame's edge, or a shape that is not a quadrilateral).
 */
export function findCard(frame: RgbaFrame): Quad | null {
  const grid = blockMeans(frame);
  const { columns, rows, cell, rgb } = grid;
  if (columns < 8 || rows < 8) return null;
  const [r, g, b] = borderColour(grid);
  const mask = new Uint8Array(columns * rows);
  for (let i = 0; i < mask.length; i++) {
    const d = Math.abs(rgb[i * 3] - r) + Math.abs(rgb[i * 3 + 1] - g) + Math.abs(rgb[i * 3 + 2] - b);
    mask[i] = d > COLOUR_DISTANCE ? 1 : 0;
  }
  const region = largestRegion(mask, columns);
  if (region.length < MIN_AREA_SHARE * columns * rows) return null;
  // The corners: the region's extremes along the two diagonals, kept as [block, x + y or x - y].
  let [tl, tlSum, br, brSum] = [region[0], Infinity, region[0], -Infinity];
  let [tr, trDiff, bl, blDiff] = [region[0], -Infinity, region[0], Infinity];
  const rowStart = new Int32Array(rows).fill(columns);
  const rowEnd = new Int32Array(rows).fill(-1);
  for (const i of region) {
    const x = i % columns;
    const y = (i - x) / columns;
    if (x === 0 || y === 0 || x === columns - 1 || y === rows - 1) return null; // cut by the frame's edge
    rowStart[y] = Math.min(rowStart[y], x);
    rowEnd[y] = Math.max(rowEnd[y], x);
    const sum = x + y;
    const diff = x - y;
    if (sum < tlSum) [tl, tlSum] = [i, sum];
    if (sum > brSum) [br, brSum] = [i, sum];
    if (diff > trDiff) [tr, trDiff] = [i, diff];
    if (diff < blDiff) [bl, blDiff] = [i, diff];
  }
  // Text the colour of the background leaves holes in the region: a row counts from its first block to its last.
  let filled = 0;
  for (let y = 0; y < rows; y++) if (rowEnd[y] >= 0) filled += rowEnd[y] - rowStart[y] + 1;
  const corner = (i: number) => {
    const x = i % columns;
    return { x: (x + 0.5) * cell, y: ((i - x) / columns + 0.5) * cell };
  };
  const [a, b2, c, d] = [corner(tl), corner(tr), corner(br), corner(bl)];
  const quad: Quad = { x1: a.x, y1: a.y, x2: b2.x, y2: b2.y, x3: c.x, y3: c.y, x4: d.x, y4: d.y };
  const quadBlocks = shoelace(quad) / (cell * cell);
  if (quadBlocks <= 0 || filled / quadBlocks < MIN_FILL || filled / quadBlocks > 1 / MIN_FILL) return null;
  return quad;
}
