import { describe, expect, it } from 'vitest';
import {
  autoCaptureStart,
  GONE_FRAMES,
  nextAutoCapture,
  sharpest,
  STEADY_MS,
  takenByHand,
  type AutoCapture,
} from './auto-capture';
import type { GuidanceHint } from './frame-guidance';

const CARD = [10, -10, 5, -5];
const OTHER = [-30, 30, -20, 20];

/** Feeds frames 200 ms apart; returns the times at which a card was taken. */
function run(frames: { hint: GuidanceHint; signature?: number[] | null }[], start: AutoCapture = autoCaptureStart) {
  let state = start;
  const taken: number[] = [];
  frames.forEach((frame, i) => {
    const signature = frame.signature === undefined ? (frame.hint === 'noCard' ? null : CARD) : frame.signature;
    const next = nextAutoCapture(state, { hint: frame.hint, signature }, i * 200);
    state = next.state;
    if (next.take) taken.push(i * 200);
  });
  return taken;
}
const repeat = (n: number, frame: { hint: GuidanceHint; signature?: number[] | null }) =>
  Array.from({ length: n }, () => frame);

describe('taking a card by itself', () => {
  it('takes it once every hint has passed for a steady moment', () => {
    expect(run(repeat(10, { hint: 'ready' }))).toEqual([STEADY_MS]);
  });

  it('takes nothing while the frames are blurred, moving or glared, and starts again after one fails', () => {
    const frames = [
      ...repeat(10, { hint: 'blurred' }),
      ...repeat(3, { hint: 'ready' }),
      { hint: 'holdStill' as const },
      ...repeat(3, { hint: 'glare' }),
    ];
    expect(run(frames)).toEqual([]);
    expect(run([...repeat(10, { hint: 'blurred' }), ...repeat(4, { hint: 'ready' })])).toEqual([2000 + STEADY_MS]);
  });

  it('takes one card held still once, and again after it left the frame', () => {
    expect(run(repeat(30, { hint: 'ready' }))).toHaveLength(1);
    const back = [
      ...repeat(5, { hint: 'ready' }),
      ...repeat(GONE_FRAMES, { hint: 'noCard' }),
      ...repeat(5, { hint: 'ready' }),
    ];
    expect(run(back)).toEqual([600, (5 + GONE_FRAMES) * 200 + 600]);
  });

  it('does not take the same card again after a frame or two in which the finder missed it', () => {
    const flicker = [
      ...repeat(5, { hint: 'ready' }),
      ...repeat(GONE_FRAMES - 1, { hint: 'noCard' }),
      ...repeat(10, { hint: 'ready' }),
      { hint: 'noCard' as const },
      ...repeat(10, { hint: 'ready' }),
    ];
    expect(run(flicker)).toEqual([600]);
  });

  it('takes another card shown in its place, but not the same card moved', () => {
    const moved = [
      ...repeat(5, { hint: 'ready' }),
      ...repeat(3, { hint: 'holdStill' }),
      ...repeat(5, { hint: 'ready' }),
    ];
    expect(run(moved)).toHaveLength(1);
    const other = [...repeat(5, { hint: 'ready' }), ...repeat(5, { hint: 'ready', signature: OTHER })];
    expect(run(other)).toEqual([600, 1600]);
  });

  it('does not take again by itself the card just taken by hand', () => {
    expect(run(repeat(10, { hint: 'ready' }), takenByHand({ signature: CARD }))).toEqual([]);
  });

  it('keeps the sharpest of the recent frames that passed', () => {
    const frames = [
      { id: 1, analysis: { hint: 'ready' as const, sharpness: 900 } },
      { id: 2, analysis: { hint: 'holdStill' as const, sharpness: 5000 } },
      { id: 3, analysis: { hint: 'ready' as const, sharpness: 1200 } },
      { id: 4, analysis: { hint: 'ready' as const, sharpness: 1000 } },
    ];
    expect(sharpest(frames)?.id).toBe(3);
    expect(sharpest(frames.slice(1, 2))?.id).toBe(2);
  });
});
