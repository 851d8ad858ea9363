// When the camera view takes a card by itself: once every hint has passed for a short, steady moment. After
// a capture it waits until the card has left the frame or another card is shown, so one card held still is
// taken once.
import { signatureDistance, type FrameAnalysis } from './frame-guidance';

/** The camera view analyses a frame this often: enough to follow a hand, little enough to leave the page alone. */
export const GUIDANCE_EVERY_MS = 200;
/** How long every hint must pass before the card is taken. */
export const STEADY_MS = 600;
/** A card whose look is this far (grey levels, frame-guidance.ts) from the one taken is another card. */
const ANOTHER_CARD = 12;
/**
 * Frames in a row with no card before the card taken counts as gone: one frame the finder missed (a finger
 * over an edge, the focus hunting) must not take the same card again.
 */
export const GONE_FRAMES = 3;

export interface AutoCapture {
  /** False after a capture, until the card leaves or another is shown. */
  armed: boolean;
  /** Since when every hint has passed; null while one fails. */
  readySince: number | null;
  /** The look of the card last taken. */
  taken: number[] | null;
  /** Frames in a row with no card since the capture. */
  gone: number;
}

export const autoCaptureStart: AutoCapture = { armed: true, readySince: null, taken: null, gone: 0 };

/** The state after one more frame's analysis at `at` (ms), and whether to take the card now. */
export function nextAutoCapture(
  state: AutoCapture,
  analysis: Pick<FrameAnalysis, 'hint' | 'signature'>,
  at: number,
): { state: AutoCapture; take: boolean } {
  let armed = state.armed;
  const gone = analysis.signature === null ? state.gone + 1 : 0;
  if (!armed) {
    const left = gone >= GONE_FRAMES;
    const another =
      analysis.signature !== null &&
      state.taken !== null &&
      signatureDistance(analysis.signature, state.taken) > ANOTHER_CARD;
    armed = left || another;
  }
  const ready = analysis.hint === 'ready';
  // The steady moment counts only while armed: a card shown again is held still afresh before it is taken.
  const readySince = ready && armed ? (state.readySince ?? at) : null;
  if (armed && readySince !== null && at - readySince >= STEADY_MS)
    return { state: { armed: false, readySince: null, taken: analysis.signature, gone: 0 }, take: true };
  return { state: { ...state, armed, readySince, gone }, take: false };
}

/** After a capture taken by hand: the same card is not taken again by itself. */
export const takenByHand = (analysis: Pick<FrameAnalysis, 'signature'> | null): AutoCapture => ({
  armed: false,
  readySince: null,
  taken: analysis?.signature ?? null,
  gone: 0,
});

/** Of the recent frames, the sharpest one that passed every hint (or, with none, the newest). */
export function sharpest<T extends { analysis: Pick<FrameAnalysis, 'hint' | 'sharpness'> }>(
  recent: readonly T[],
): T | undefined {
  const ready = recent.filter((frame) => frame.analysis.hint === 'ready');
  if (ready.length === 0) return recent.at(-1);
  return ready.reduce((best, frame) => (frame.analysis.sharpness > best.analysis.sharpness ? frame : best));
}
