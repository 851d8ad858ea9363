import type { ImageQuad } from '@/api';
import { convexHull, quadPoints, scaleQuad } from '@/lib/quad';
import type { CoverPlan, PictureSize } from './cover-plan';

/** No block smaller than this many pixels of the picture drawn, however far it was shrunk. */
const MIN_BLOCK_PX = 2;
/** What a transparent pixel is averaged against: the mosaic is opaque, so nothing under it shows through. */
const BACKDROP = '#ffffff';

type Picture = CanvasImageSource & { width: number; height: number };

function canvasOf(width: number, height: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return [canvas, canvas.getContext('2d')!];
}

/** How a picture of `width` × `height` is cut into blocks of at least `block` pixels, none larger than the picture. */
export function mosaicGrid(width: number, height: number, block: number): { columns: number; rows: number } {
  return { columns: Math.max(1, Math.floor(width / block)), rows: Math.max(1, Math.floor(height / block)) };
}

/**
 * The picture averaged down to one opaque colour per block. Every block is sampled from the picture
 * alone and stands for a whole share of it, so none is larger than the picture and none lets it through.
 */
function blocks(source: Picture, block: number): HTMLCanvasElement {
  const { columns, rows } = mosaicGrid(source.width, source.height, block);
  const [small, ctx] = canvasOf(columns, rows);
  ctx.fillStyle = BACKDROP;
  ctx.fillRect(0, 0, columns, rows);
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, source.width, source.height, 0, 0, columns, rows);
  return small;
}

/**
 * Paints inside each quad, one at a time, so no two quads' windings can cancel out. Each is drawn as
 * its corners' convex hull: one region whichever way round, or crossed, the corners come.
 */
function within(ctx: CanvasRenderingContext2D, quads: ImageQuad[], k: number, paint: () => void): void {
  for (const quad of quads) {
    const corners = convexHull(quadPoints(scaleQuad(quad, k)));
    if (corners.length < 3) continue;
    ctx.save();
    ctx.beginPath();
    corners.forEach(({ x, y }, i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    ctx.closePath();
    ctx.clip();
    paint();
    ctx.restore();
  }
}

/**
 * The picture covered as `plan` says, for every place a covered card is drawn: presentation mode on
 * screen and full screen, its thumbnails, and redacted PNG exports. `natural` is the size the plan's
 * quads are measured in; the picture may be a downscaled decode of it.
 */
export function coverPicture(source: Picture, natural: PictureSize, plan: CoverPlan): HTMLCanvasElement {
  const k = source.width / natural.width;
  const small = blocks(source, Math.max(MIN_BLOCK_PX, plan.block * k));
  const [canvas, ctx] = canvasOf(source.width, source.height);
  const mosaic = () => {
    ctx.imageSmoothingEnabled = false; // hard-edged blocks
    ctx.drawImage(small, 0, 0, small.width, small.height, 0, 0, source.width, source.height);
  };
  mosaic();
  within(ctx, plan.reveal, k, () => ctx.drawImage(source, 0, 0));
  within(ctx, plan.conceal, k, mosaic);
  return canvas;
}
