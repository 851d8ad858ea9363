// What the viewer drew, for e2e specs via window.__cardlens (test builds only; see app/test-hooks.ts).
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
}

type ViewerState = Omit<ViewerProbe, 'boxesDrawn' | 'extraBoxesDrawn' | 'labelsDrawn' | 'crispDraws'>;

let latest: ViewerState | null = null;
const NOTHING_DRAWN: Drawn = { boxes: 0, extras: 0, labels: [], labelsHidden: 0 };
let drawn = NOTHING_DRAWN;
let crispDraws = 0;
const enabled = import.meta.env.VITE_TEST_HOOKS === 'true';

export function publishViewerState(state: ViewerState | null): void {
  if (enabled) latest = state;
}

/** Called by the canvas after each draw. */
export function reportDrawn(what: Drawn): void {
  if (!enabled) return;
  drawn = what;
  crispDraws++;
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
    }
  );
}
