// What the viewer drew, for e2e specs via window.__cardlens (test builds only; see app/test-hooks.ts).
import type Konva from 'konva';
import { drawOverlay, type Drawn, type OverlayScene } from './overlay-drawing';
import type { Size, ViewTransform } from './view-transform';
export interface ViewerProbe {
  /** Counted by the canvas as it draws, so a spec sees what is on screen, not what should be. */
  boxesDrawn: number;
  extraBoxesDrawn: number;
  /** The labels on the canvas, in stage pixels, in the order drawn (the focused one last). */
  labelsDrawn: Drawn['labels'];
  /** Crisp draws of the overlay since the page loaded; frames of a moving view drawn from the motion cache do not count. */
  crispDraws: number;
  /** The canvas's size in stage pixels. */
  viewport: { width: number; height: number };
  selectedId: string | null;
  highlightedId: string | null;
  presentation: boolean;
  fileName: string;
  timings: { prepareMs: number; encryptMs: number; requestMs: number; decryptMs: number; totalMs: number } | null;
  /** performance.now() when the card's request began, after preflight and queueing. */
  startedAt: number | null;
  verdicts: Record<string, string>;
  badges: { fieldId: string; kind: 'fail' | 'info' }[];
  rules: { rule: string; fieldId: string | null; key: string; outcome: string }[];
  /** Characters marked under boxes, by field id. */
  charMarks: { fieldId: string; chars: number[] }[];
  fields: {
    id: string;
    key: string;
    value: string;
    shown: string;
    quad: boolean;
    /** The box's centre in image pixels, for specs that point at it on the canvas. */
    centre: { x: number; y: number } | null;
    below: boolean;
  }[];
  /** Stage pixels per image pixel and where the image's origin sits on the stage. */
  view: { scale: number; x: number; y: number };
  /** The canvas's latest draws, timed beside plain-canvas twins: only when the page's URL has `?bench-canvas`. */
  timedDraws: readonly TimedDraw[];
}

/**
 * One draw of the viewer's layer, timed, and the same frame drawn on a plain canvas of the same size in
 * the animation frames that follow, one variant a frame (scripts/bench.ts, section `app`).
 */
export interface TimedDraw {
  seq: number;
  /** A number for each picture drawn: a new card's bitmap gets a new one. */
  picture: number;
  /** Drawn while the view moves: the photo unsmoothed, the overlay from the motion cache when it fits. */
  moving: boolean;
  /** The overlay was drawn afresh by drawOverlay. */
  crisp: boolean;
  boxes: number;
  /** Konva's draw of the layer (clear, photo, overlay), then a one-pixel read-back so the raster work is done. */
  konvaMs: number;
  /** performance.now() at the end of that draw. */
  at: number;
  /**
   * The twins, with the same clear and read-back: the photo by drawImage (smoothed, as a plain canvas
   * draws it); for a moving frame also unsmoothed, as the viewer draws it then; for a crisp frame the
   * photo and drawOverlay with the viewer's scene. Null until each is drawn, or if the picture closed.
   */
  plain: { photo: number | null; photoUnsmoothed: number | null; withOverlay: number | null; done: boolean };
}

/** What the canvas's shape paints with, as the probe reads it after a draw of its layer. */
export interface Painting {
  image: CanvasImageSource & { width: number; height: number };
  natural: Size;
  scene: OverlayScene;
  view: ViewTransform;
  viewport: Size;
  moving: boolean;
}

/** What the canvas shows, read by the probe from outside its scene after each draw of its layer. */
export interface CanvasFrame {
  /** What the shape paints with; null while there is no picture, when the layer draws nothing. */
  painting: Painting | null;
  /** What the latest crisp draw of the overlay returned: a new object for each, null when none is on screen. */
  drawn: Drawn | null;
}

/** The parts of a Konva layer the probe uses: its draw events and its canvas. */
export type WatchedLayer = Pick<Konva.Layer, 'on' | 'off' | 'getNativeCanvasElement'>;

type ViewerState = Omit<ViewerProbe, 'boxesDrawn' | 'extraBoxesDrawn' | 'labelsDrawn' | 'crispDraws' | 'timedDraws'>;

let latest: ViewerState | null = null;
const NOTHING_DRAWN: Drawn = { boxes: 0, extras: 0, labels: [], labelsHidden: 0 };
let drawn = NOTHING_DRAWN;
let crispDraws = 0;
const enabled = import.meta.env.VITE_TEST_HOOKS === 'true';

export function publishViewerState(state: ViewerState | null): void {
  if (enabled) latest = state;
}

/** A new card is on its way: nothing of it is drawn yet. */
export function resetDrawn(): void {
  drawn = NOTHING_DRAWN;
}

export function readViewerState(): ViewerProbe | null {
  return (
    latest && {
      ...latest,
      boxesDrawn: drawn.boxes,
      extraBoxesDrawn: drawn.extras,
      labelsDrawn: drawn.labels,
      crispDraws,
      timedDraws: timed,
    }
  );
}

// Timing the canvas, for benchmarks: off unless the page was opened with ?bench-canvas.
const KEEP_TIMED = 600;
const timed: TimedDraw[] = [];
const pictures = new WeakMap<object, number>();
let twin: CanvasRenderingContext2D | null = null;
let seq = 0;
let pictureCount = 0;
const NAMESPACE = '.cardlensProbe';

const timingOn = () => new URLSearchParams(location.search).has('bench-canvas');

/**
 * Watches the canvas's layer from outside its scene (test builds only; returns how to stop): after each
 * draw it counts a crisp one and keeps what it drew, reading `frame`. With ?bench-canvas it also times the
 * draw, from Konva's beforeDraw event to its draw event and a one-pixel read-back, and draws its twins.
 */
export function watchCanvas(layer: WatchedLayer, frame: () => CanvasFrame): () => void {
  if (!enabled) return () => {};
  const timing = timingOn();
  let before: Drawn | null = null;
  let start = 0;
  layer.on(`beforeDraw${NAMESPACE}`, () => {
    before = frame().drawn;
    start = performance.now(); // last: the window holds Konva's draw and nothing of ours
  });
  layer.on(`draw${NAMESPACE}`, () => {
    let end = 0;
    if (timing) {
      layer.getNativeCanvasElement().getContext('2d')!.getImageData(0, 0, 1, 1);
      end = performance.now();
    }
    const { painting, drawn: now } = frame();
    const crisp = now !== null && now !== before;
    if (crisp) {
      drawn = now;
      crispDraws++;
    }
    if (timing && painting) record(painting, crisp, end - start, end, layer.getNativeCanvasElement());
  });
  return () => {
    layer.off(NAMESPACE);
  };
}

function record(what: Painting, crisp: boolean, konvaMs: number, at: number, canvas: HTMLCanvasElement): void {
  if (!pictures.has(what.image)) pictures.set(what.image, ++pictureCount);
  const entry: TimedDraw = {
    seq: ++seq,
    picture: pictures.get(what.image)!,
    moving: what.moving,
    crisp,
    boxes: drawn.boxes,
    konvaMs,
    at,
    plain: { photo: null, photoUnsmoothed: null, withOverlay: null, done: false },
  };
  timed.push(entry);
  if (timed.length > KEEP_TIMED) timed.splice(0, timed.length - KEEP_TIMED);
  void drawTwins(entry, what, canvas);
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

/** Each variant in an animation frame of its own, as the viewer's frames are. */
async function drawTwins(record: TimedDraw, what: Painting, like: HTMLCanvasElement): Promise<void> {
  const variants: (keyof Omit<TimedDraw['plain'], 'done'>)[] = what.moving
    ? ['photo', 'photoUnsmoothed']
    : ['photo', 'withOverlay'];
  for (const variant of variants) {
    await nextFrame();
    if (what.image.width === 0) break; // closed: the card changed and its bitmap went
    const ctx = twinContext(like);
    const { image, natural, scene, view, viewport } = what;
    const ratio = ctx.canvas.width / viewport.width;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const start = performance.now();
    ctx.clearRect(0, 0, viewport.width, viewport.height);
    ctx.imageSmoothingEnabled = variant !== 'photoUnsmoothed';
    ctx.drawImage(image, view.x, view.y, natural.width * view.scale, natural.height * view.scale);
    if (variant === 'withOverlay') drawOverlay(ctx, scene, view, viewport);
    ctx.getImageData(0, 0, 1, 1);
    record.plain[variant] = performance.now() - start;
  }
  record.plain.done = true;
}
