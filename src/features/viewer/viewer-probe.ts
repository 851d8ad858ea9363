// What the viewer drew, for e2e specs via window.__cardlens (test builds only; see app/test-hooks.ts).
import type Konva from 'konva';
import { createDrawTimer, timedDraws, type Painting, type TimedDraw } from './canvas-timing';
import type { Drawn } from './overlay-drawing';
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
    /** What the device's second read saw there, as its label shows it; null where it agreed or did not read. */
    deviceRead: string | null;
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
      timedDraws: timedDraws(),
    }
  );
}

const NAMESPACE = '.cardlensProbe';

/**
 * Watches the canvas's layer from outside its scene (test builds only; returns how to stop): after each
 * draw it counts a crisp one and keeps what it drew, reading `frame`. With ?bench-canvas it also times the
 * draws (canvas-timing.ts).
 */
export function watchCanvas(layer: WatchedLayer, frame: () => CanvasFrame): () => void {
  if (!enabled) return () => {};
  const timer = new URLSearchParams(location.search).has('bench-canvas')
    ? createDrawTimer(() => layer.getNativeCanvasElement())
    : null;
  let before: Drawn | null = null;
  layer.on(`beforeDraw${NAMESPACE}`, () => {
    const { painting, drawn: now } = frame();
    before = now;
    timer?.start(painting); // last: its clock holds Konva's draw and nothing of ours
  });
  layer.on(`draw${NAMESPACE}`, () => {
    timer?.stop();
    const { painting, drawn: now } = frame();
    const crisp = now !== null && now !== before;
    if (crisp) {
      drawn = now;
      crispDraws++;
    }
    if (painting) timer?.record(painting, crisp, drawn.boxes);
  });
  return () => {
    layer.off(NAMESPACE);
  };
}
