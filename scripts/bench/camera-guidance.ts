// npm run bench -- camera, or on its own: npx tsx scripts/bench/camera-guidance.ts
// The camera view's guidance is plain TypeScript that runs on a worker, so it is timed here in Node: one
// frame's analysis on the 640×360 copy the view makes of a 1280×720 frame, and the auto-capture run over a
// drawn video whose first half is blurred, at the view's pace (GUIDANCE_EVERY_MS) with each analysis's own time.
import { pathToFileURL } from 'node:url';
import {
  autoCaptureStart,
  GUIDANCE_EVERY_MS,
  nextAutoCapture,
  sharpest,
  STEADY_MS,
} from '../../src/images/auto-capture';
import { analyseFrame, type FrameAnalysis } from '../../src/images/frame-guidance';
import type { Quad } from '../../src/lib/quad';
import { drawScene } from '../../src/test-support/synthetic-frames';
import { round } from './stats';

const FULL = { width: 1280, height: 720 };
/** Box blur radii of the blurred half, on the 640-pixel copy: 2 is past the sharpness threshold, 5 far past it. */
const BLUR_RADII = [3, 2, 5];

/**
 * The auto-capture run over one drawn video, blurred for its first half, at the view's pace (GUIDANCE_EVERY_MS)
 * with each analysis's own time: what it took, whether each capture's chosen frame was a blurred one, and the
 * time from the first still, sharp frame to the first capture.
 */
function playVideo(blur: number) {
  const video = [
    ...Array.from({ length: 12 }, () => ({ blurred: true, frame: drawScene({ blur }) })),
    ...Array.from({ length: 12 }, () => ({ blurred: false, frame: drawScene() })),
  ];
  let state = autoCaptureStart;
  let previous: Quad | null = null;
  let clock = 0;
  let stillAt: number | null = null;
  const kept: { blurred: boolean; analysis: FrameAnalysis }[] = [];
  const taken: { blurred: boolean; at: number }[] = [];
  for (const { blurred, frame } of video) {
    if (!blurred) stillAt ??= clock;
    const start = performance.now();
    const analysis = analyseFrame(frame, { full: FULL, service: 'credit-card', previous });
    clock += performance.now() - start;
    previous = analysis.quad;
    kept.push({ blurred, analysis });
    const next = nextAutoCapture(state, analysis, clock);
    state = next.state;
    if (next.take) taken.push({ blurred: sharpest(kept.slice(-4))!.blurred, at: clock });
    clock = Math.ceil(clock / GUIDANCE_EVERY_MS) * GUIDANCE_EVERY_MS;
  }
  const stillToCaptureMs = taken[0] && stillAt !== null ? round(taken[0].at - stillAt, 0) : null;
  return { taken, stillToCaptureMs };
}

export function measureCameraGuidance() {
  // Frame analysis: a few scenes, each analysed many times.
  const scenes = [{}, { turn: 4 }, { blur: 3 }, { glare: 0.3 }, { card: false }, { cardWidth: 500, lean: 0.8 }].map(
    (scene) => drawScene(scene),
  );
  const times: number[] = [];
  for (let run = 0; run < 20; run++)
    for (const frame of scenes) {
      const start = performance.now();
      analyseFrame(frame, { full: FULL, service: 'credit-card', previous: null });
      times.push(performance.now() - start);
    }
  times.sort((a, b) => a - b);
  // Videos: 12 frames of the card blurred (as when focusing), then 12 held still and sharp, one per blur radius.
  const videos = BLUR_RADII.map(playVideo);
  const taken = videos.flatMap((v) => v.taken);
  const blurredCaptured = taken.filter((t) => t.blurred).length;
  return {
    guidanceFrameMsP50: round(times[Math.floor(times.length / 2)], 2),
    guidanceFrameMsP95: round(times[Math.floor(times.length * 0.95)], 2),
    guidanceFrameTarget: '<= 150 ms (Node, the worker’s code on a 640×360 copy)',
    stillToCaptureMs: videos[0].stillToCaptureMs,
    stillToCaptureTarget: `<= 1500 (steady moment ${STEADY_MS} ms, a frame every ${GUIDANCE_EVERY_MS} ms)`,
    captures: taken.length,
    blurredCaptured,
    blurredCapturedRatio: taken.length === 0 ? null : round(blurredCaptured / taken.length, 2),
    blurredCapturedTarget: `0 (videos blurred by ${BLUR_RADII.join(', ')} px for their first half)`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href)
  console.log(JSON.stringify(measureCameraGuidance(), null, 2));
