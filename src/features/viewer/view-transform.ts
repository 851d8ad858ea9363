import type { ImageQuad } from '@/api';
import type { Size } from '@/lib/image-size';
import { quadPoints } from '@/lib/quad';

// Image space (the API's pixels) and stage space (canvas pixels on screen) are different types.
// Points cross between them through imageToStage/stageToImage and a ViewTransform; the PNG export
// draws through a transform of its own, and the cover scales quads to the decoded picture's size.
export type ImagePoint = { x: number; y: number } & { readonly __space: 'image' };
export type StagePoint = { x: number; y: number } & { readonly __space: 'stage' };

export const imagePoint = (x: number, y: number) => ({ x, y }) as ImagePoint;
export const stagePoint = (x: number, y: number) => ({ x, y }) as StagePoint;

/** Stage pixels per image pixel, and where image (0, 0) lands on the stage. */
export interface ViewTransform {
  scale: number;
  x: number;
  y: number;
}

export type { Size };

export const MIN_SCALE = 0.02;
export const MAX_SCALE = 16;
const FIT_MARGIN = 16;

export function imageToStage(p: ImagePoint, view: ViewTransform): StagePoint {
  return stagePoint(p.x * view.scale + view.x, p.y * view.scale + view.y);
}

export function stageToImage(p: StagePoint, view: ViewTransform): ImagePoint {
  return imagePoint((p.x - view.x) / view.scale, (p.y - view.y) / view.scale);
}

/** A box's corners, still in image space. */
export const quadCorners = (q: ImageQuad) => quadPoints(q) as [ImagePoint, ImagePoint, ImagePoint, ImagePoint];

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

export function fitView(image: Size, viewport: Size): ViewTransform {
  // Less room around the card on a small canvas (a phone's), where every pixel of margin is card lost.
  const margin = Math.min(FIT_MARGIN, Math.min(viewport.width, viewport.height) * 0.04);
  const scale = clampScale(
    Math.min((viewport.width - margin * 2) / image.width, (viewport.height - margin * 2) / image.height),
  );
  return { scale, x: (viewport.width - image.width * scale) / 2, y: (viewport.height - image.height * scale) / 2 };
}

export function actualSizeView(image: Size, viewport: Size): ViewTransform {
  return { scale: 1, x: (viewport.width - image.width) / 2, y: (viewport.height - image.height) / 2 };
}

/** Zooms by `factor` keeping the stage point `anchor` over the same image point. */
export function zoomAt(view: ViewTransform, factor: number, anchor: StagePoint): ViewTransform {
  const scale = clampScale(view.scale * factor);
  const fixed = stageToImage(anchor, view);
  return { scale, x: anchor.x - fixed.x * scale, y: anchor.y - fixed.y * scale };
}

export function panBy(view: ViewTransform, dx: number, dy: number): ViewTransform {
  return { ...view, x: view.x + dx, y: view.y + dy };
}

/** Two fingers on the stage. */
export type Pinch = readonly [StagePoint, StagePoint];

/**
 * The view as two fingers move from `from` to `to`: the spread zooms and the midpoint pans, so the
 * image point first under the midpoint stays under it, as on a map.
 */
export function pinchView(start: ViewTransform, from: Pinch, to: Pinch): ViewTransform {
  const spread = ([a, b]: Pinch) => Math.hypot(a.x - b.x, a.y - b.y);
  const mid = ([a, b]: Pinch) => stagePoint((a.x + b.x) / 2, (a.y + b.y) / 2);
  const [m0, m1] = [mid(from), mid(to)];
  const factor = spread(from) > 0 ? spread(to) / spread(from) : 1;
  return panBy(zoomAt(start, factor, m0), m1.x - m0.x, m1.y - m0.y);
}
