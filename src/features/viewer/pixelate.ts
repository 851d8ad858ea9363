import type { ImageQuad } from '@/api';
import type { CoverPlan } from './presentation-cover';
import type { Size } from './view-transform';

/** A card covered whole is cut into this many blocks across its shorter side: colours stay, text does not. */
const WHOLE_BLOCKS = 20;
const MIN_BLOCK_PX = 2;

type Picture = CanvasImageSource & { width: number; height: number };

/**
 * A copy of the picture with the plan's regions pixelated, for presentation mode on screen and
 * redacted PNG exports. `natural` is the size the plan's quads are measured in; the picture may be
 * a downscaled decode of it.
 */
export function pixelated(source: Picture, natural: Size, plan: CoverPlan): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d')!;
  if (plan.whole) {
    const block = Math.max(MIN_BLOCK_PX, Math.min(source.width, source.height) / WHOLE_BLOCKS);
    mosaic(ctx, source, { x: 0, y: 0, width: source.width, height: source.height }, block);
    return canvas;
  }
  ctx.drawImage(source, 0, 0);
  const k = source.width / natural.width;
  for (const { quad, block } of plan.regions) {
    const corners = scaled(quad, k);
    const area = bounds(corners, source);
    if (area.width <= 0 || area.height <= 0) continue;
    ctx.save();
    ctx.beginPath();
    corners.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.clip();
    mosaic(ctx, source, area, Math.max(MIN_BLOCK_PX, block * k));
    ctx.restore();
  }
  return canvas;
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const scaled = (q: ImageQuad, k: number): [number, number][] => [
  [q.x1 * k, q.y1 * k],
  [q.x2 * k, q.y2 * k],
  [q.x3 * k, q.y3 * k],
  [q.x4 * k, q.y4 * k],
];

/** Whole pixels around the corners, clamped to the picture. */
function bounds(corners: [number, number][], picture: Picture): Rect {
  const x = Math.max(0, Math.floor(Math.min(...corners.map(([cx]) => cx))));
  const y = Math.max(0, Math.floor(Math.min(...corners.map(([, cy]) => cy))));
  const right = Math.min(picture.width, Math.ceil(Math.max(...corners.map(([cx]) => cx))));
  const bottom = Math.min(picture.height, Math.ceil(Math.max(...corners.map(([, cy]) => cy))));
  return { x, y, width: right - x, height: bottom - y };
}

/** Averages `area` down to one colour per block and draws it back with hard edges. */
function mosaic(ctx: CanvasRenderingContext2D, source: Picture, area: Rect, block: number): void {
  const small = document.createElement('canvas');
  small.width = Math.max(1, Math.ceil(area.width / block));
  small.height = Math.max(1, Math.ceil(area.height / block));
  const sctx = small.getContext('2d')!;
  sctx.imageSmoothingQuality = 'high';
  sctx.drawImage(source, area.x, area.y, small.width * block, small.height * block, 0, 0, small.width, small.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, small.width, small.height, area.x, area.y, small.width * block, small.height * block);
}
