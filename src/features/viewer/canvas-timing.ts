// Timing the viewer's canvas for benchmarks (scripts/bench/app-canvas.ts): only in test builds opened
// with ?bench-canvas, through the probe that watches the canvas's layer (viewer-probe.ts). Each draw of
// the layer is timed and the same frame is drawn on a plain canvas of the same size in the same page, so
// the two can be compared. Two things in the page fall on whichever canvas meets them first, so neither
// side is left to meet them alone:
// - Setting a font on a canvas in the page makes Chromium bring the whole page's style up to date first.
//   After a card's commit that is the toolbar's and the inspector's restyle, work the frame does anyway,
//   and it landed inside the layer's draw (its first label) while the plain canvas, drawing frames later,
//   found the style settled. The style is brought up to date before either side's clock starts, and
//   the time that took is kept beside the draw (`styleMs`).
// - A new picture's first draw reads pixels no draw has read yet, which costs more than a second draw
//   of the same picture. On a picture's first draw the two sides draw it back to back in the same task
//   and take turns going first.
import { drawOverlay, type OverlayScene } from './overlay-drawing';
import type { Size, ViewTransform } from './view-transform';

/** What the canvas's shape paints with, as the probe reads it after a draw of its layer. */
export interface Painting {
  image: CanvasImageSource & { width: number; height: number };
  natural: Size;
  scene: OverlayScene;
  view: ViewTransform;
  viewport: Size;
  moving: boolean;
}

/** One draw of the viewer's layer, timed, and the same frame drawn on a plain canvas of the same size. */
export interface TimedDraw {
  seq: number;
  /** A number for each picture drawn: a new card's bitmap gets a new one. */
  picture: number;
  /** Drawn while the view moves: the photo unsmoothed, the overlay from the motion cache when it fits. */
  moving: boolean;
  /** The overlay was drawn afresh by drawOverlay. */
  crisp: boolean;
  boxes: number;
  /**
   * Konva's draw of the layer (beforeDraw to draw event: clear, photo, overlay), then a one-pixel
   * read-back so the raster work is done.
   */
  konvaMs: number;
  /** Bringing the page's style up to date just before the draw's clock started. */
  styleMs: number;
  /** performance.now() at the end of that draw. */
  at: number;
  /**
   * On a picture's first draw, whether the plain canvas drew it just before the layer (true) or just
   * after (false); null for other draws, whose plain twins come in the animation frames that follow.
   */
  plainFirst: boolean | null;
  /**
   * The twins, with the same clear and read-back: the photo by drawImage (smoothed, as a plain canvas
   * draws it); for a moving frame also unsmoothed, as the viewer draws it then; for a crisp frame the
   * photo and drawOverlay with the viewer's scene. Null until each is drawn, or if the picture closed.
   */
  plain: { photo: number | null; photoUnsmoothed: number | null; withOverlay: number | null; done: boolean };
}

type Variant = keyof Omit<TimedDraw['plain'], 'done'>;

/** The probe's side of a layer's draw: start just before it, stop just after, then record it. */
export interface DrawTimer {
  start(painting: Painting | null): void;
  stop(): void;
  record(painting: Painting, crisp: boolean, boxes: number): void;
}

const KEEP_TIMED = 600;
const timed: TimedDraw[] = [];
const pictures = new WeakMap<object, number>();
let twin: CanvasRenderingContext2D | null = null;
let seq = 0;
let pictureCount = 0;
let firstDraws = 0;

/** The latest timed draws, oldest first. */
export const timedDraws = (): readonly TimedDraw[] => timed;

export function createDrawTimer(layerCanvas: () => HTMLCanvasElement): DrawTimer {
  let started = 0;
  let stopped = 0;
  let styleMs = 0;
  let first: { plainFirst: boolean; plainMs: number | null } | null = null;
  return {
    start(painting) {
      const canvas = layerCanvas();
      styleMs = settleStyle(canvas);
      first = null;
      if (painting && !painting.moving && !pictures.has(painting.image)) {
        // In pairs, so that two cards shown in turn each go first and second alike.
        const plainFirst = Math.floor(firstDraws++ / 2) % 2 === 0;
        first = { plainFirst, plainMs: plainFirst ? drawPlain(painting, canvas, 'withOverlay') : null };
      }
      started = performance.now();
    },
    stop() {
      layerCanvas().getContext('2d')!.getImageData(0, 0, 1, 1);
      stopped = performance.now();
    },
    record(painting, crisp, boxes) {
      const canvas = layerCanvas();
      const withOverlay = first && (first.plainMs ?? drawPlain(painting, canvas, 'withOverlay'));
      if (!pictures.has(painting.image)) pictures.set(painting.image, ++pictureCount);
      const entry: TimedDraw = {
        seq: ++seq,
        picture: pictures.get(painting.image)!,
        moving: painting.moving,
        crisp,
        boxes,
        konvaMs: stopped - started,
        styleMs,
        at: stopped,
        plainFirst: first?.plainFirst ?? null,
        plain: { photo: null, photoUnsmoothed: null, withOverlay, done: false },
      };
      first = null;
      timed.push(entry);
      if (timed.length > KEEP_TIMED) timed.splice(0, timed.length - KEEP_TIMED);
      void drawTwins(entry, painting, canvas);
    },
  };
}

/** Brings the page's style up to date, as Chromium does before a canvas in the page takes a font; returns how long that took. */
function settleStyle(canvas: HTMLCanvasElement): number {
  const start = performance.now();
  getComputedStyle(canvas).getPropertyValue('font');
  return performance.now() - start;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The plain canvas: on screen (over the page's corner, letting the pointer through), the layer's size. */
function twinContext(like: HTMLCanvasElement): CanvasRenderingContext2D {
  if (!twin) {
    const canvas = document.createElement('canvas');
    canvas.setAttribute('aria-hidden', 'true');
    canvas.style.cssText = 'position:fixed;right:0;bottom:0;pointer-events:none;z-index:2147483647';
    document.body.append(canvas);
    twin = canvas.getContext('2d')!;
  }
  const canvas = twin.canvas;
  if (canvas.width !== like.width || canvas.height !== like.height) {
    canvas.width = like.width;
    canvas.height = like.height;
    canvas.style.width = like.style.width;
    canvas.style.height = like.style.height;
  }
  return twin;
}

/** One variant of the frame on the plain canvas, timed as the layer's draw is: clear, draw, read back. */
function drawPlain(what: Painting, like: HTMLCanvasElement, variant: Variant): number {
  const ctx = twinContext(like);
  const { image, natural, scene, view, viewport } = what;
  const ratio = ctx.canvas.width / viewport.width;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  settleStyle(ctx.canvas);
  const start = performance.now();
  ctx.clearRect(0, 0, viewport.width, viewport.height);
  ctx.imageSmoothingEnabled = variant !== 'photoUnsmoothed';
  ctx.drawImage(image, view.x, view.y, natural.width * view.scale, natural.height * view.scale);
  if (variant === 'withOverlay') drawOverlay(ctx, scene, view, viewport);
  ctx.getImageData(0, 0, 1, 1);
  return performance.now() - start;
}

/** The twins not drawn yet, each in an animation frame of its own, as the viewer's frames are. */
async function drawTwins(record: TimedDraw, what: Painting, like: HTMLCanvasElement): Promise<void> {
  const variants: Variant[] = what.moving ? ['photo', 'photoUnsmoothed'] : ['photo', 'withOverlay'];
  for (const variant of variants.filter((v) => record.plain[v] === null)) {
    await nextFrame();
    if (what.image.width === 0) break; // closed: the card changed and its bitmap went
    record.plain[variant] = drawPlain(what, like, variant);
  }
  record.plain.done = true;
}
