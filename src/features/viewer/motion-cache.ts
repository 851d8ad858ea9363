import { drawOverlay, type OverlayScene } from './overlay-drawing';
import type { Size, ViewTransform } from './view-transform';

// While the view is moving, the overlay is drawn as one picture (rasterised once, then scaled and
// moved) rather than stroked afresh every frame: on a software canvas, stroking 50 tilted boxes
// costs about half of drawing a 24-megapixel photo. The picture covers a margin around the screen
// and is redrawn between frames before a pan or zoom outruns it; once the view settles, the next
// draw is crisp again.

/** How far past each edge of the screen the picture reaches, in stage pixels. */
const MARGIN = 320;
/** Past these zoom factors, lines in the picture are visibly thicker or thinner than they should be. */
const MIN_FACTOR = 0.7;
const MAX_FACTOR = 1.4;

export interface Raster {
  /** A bitmap, not the canvas itself: drawing a canvas copies it every time, a bitmap does not. */
  picture: ImageBitmap;
  scene: OverlayScene;
  view: ViewTransform;
  area: Size;
}

export interface MotionCache {
  /**
   * Draws the overlay for a frame while the view moves, from the picture if it fits this view;
   * returns false when the caller must draw the overlay itself. Either way, a picture for this
   * view is made before the next frame if the current one is wearing thin.
   */
  drawMoving(ctx: CanvasRenderingContext2D, scene: OverlayScene, view: ViewTransform, area: Size): boolean;
  /** Forget the picture: the view has settled, or the canvas is going away. */
  clear(): void;
}

/** Whether the picture can stand in for the overlay at `view`, with `slack` (0–0.3) to spare before it cannot. */
export const fits = (
  raster: Omit<Raster, 'picture'>,
  scene: OverlayScene,
  view: ViewTransform,
  area: Size,
  slack: number,
) => {
  if (raster.scene !== scene || raster.area.width !== area.width || raster.area.height !== area.height) return false;
  const f = view.scale / raster.view.scale;
  if (f < MIN_FACTOR + slack || f > MAX_FACTOR - slack) return false;
  // Where the picture's corners land on screen now; it must still cover the whole screen.
  const left = view.x + (-MARGIN - raster.view.x) * f;
  const top = view.y + (-MARGIN - raster.view.y) * f;
  const right = view.x + (area.width + MARGIN - raster.view.x) * f;
  const bottom = view.y + (area.height + MARGIN - raster.view.y) * f;
  const reserve = slack * MARGIN;
  return left <= -reserve && top <= -reserve && right >= area.width + reserve && bottom >= area.height + reserve;
};

export function createMotionCache(): MotionCache {
  let raster: Raster | null = null;
  let rebuild: ReturnType<typeof setTimeout> | null = null;

  function make(scene: OverlayScene, view: ViewTransform, area: Size): void {
    const width = area.width + MARGIN * 2;
    const height = area.height + MARGIN * 2;
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    drawOverlay(
      ctx as unknown as CanvasRenderingContext2D,
      scene,
      { ...view, x: view.x + MARGIN, y: view.y + MARGIN },
      { width, height },
    );
    raster?.picture.close();
    raster = { picture: canvas.transferToImageBitmap(), scene, view, area };
  }

  /** Between frames, not in one: the next frame finds the picture ready. */
  function makeSoon(scene: OverlayScene, view: ViewTransform, area: Size): void {
    if (rebuild !== null) clearTimeout(rebuild);
    rebuild = setTimeout(() => {
      rebuild = null;
      make(scene, view, area);
    });
  }

  return {
    drawMoving(ctx, scene, view, area) {
      const usable = raster !== null && fits(raster, scene, view, area, 0);
      if (!usable || !fits(raster!, scene, view, area, 0.15)) makeSoon(scene, view, area);
      if (!usable) return false;
      const { picture, view: from } = raster!;
      const f = view.scale / from.scale;
      ctx.drawImage(
        picture,
        view.x - (from.x + MARGIN) * f,
        view.y - (from.y + MARGIN) * f,
        picture.width * f,
        picture.height * f,
      );
      return true;
    },
    clear() {
      if (rebuild !== null) clearTimeout(rebuild);
      rebuild = null;
      raster?.picture.close();
      raster = null;
    },
  };
}
