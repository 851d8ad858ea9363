import type { ImageQuad } from '@/api';
import { quadBounds, type Size } from './view-transform';

const BLOCK = 14; // display pixels per mosaic block

/**
 * A copy of the image with the given regions pixelated, clipped to each quadrilateral, for
 * presentation mode on screen and in exports. `natural` is the size the quads are measured in.
 */
export function pixelated(
  source: CanvasImageSource & { width: number; height: number },
  natural: Size,
  quads: ImageQuad[],
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(source, 0, 0);
  const k = source.width / natural.width;
  const small = document.createElement('canvas');
  const sctx = small.getContext('2d')!;
  for (const quad of quads) {
    const b = quadBounds(quad, natural);
    if (b.width === 0 || b.height === 0) continue;
    const [x, y, w, h] = [b.x * k, b.y * k, Math.max(1, b.width * k), Math.max(1, b.height * k)];
    small.width = Math.max(1, Math.round(w / BLOCK));
    small.height = Math.max(1, Math.round(h / BLOCK));
    sctx.drawImage(source, x, y, w, h, 0, 0, small.width, small.height);
    ctx.save();
    ctx.beginPath();
    ctx.moveTo(quad.x1 * k, quad.y1 * k);
    ctx.lineTo(quad.x2 * k, quad.y2 * k);
    ctx.lineTo(quad.x3 * k, quad.y3 * k);
    ctx.lineTo(quad.x4 * k, quad.y4 * k);
    ctx.closePath();
    // Pad the clip by a block so no readable edge of a digit survives outside an inexact box.
    ctx.lineWidth = BLOCK;
    ctx.clip();
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(small, 0, 0, small.width, small.height, x - 1, y - 1, w + 2, h + 2);
    ctx.restore();
  }
  return canvas;
}
