import { useEffect, useRef, useState, type RefObject } from 'react';
import { autoCaptureStart, GUIDANCE_EVERY_MS, nextAutoCapture, sharpest, takenByHand } from '@/images/auto-capture';
import type { FrameAnalysis, FrameContext } from '@/images/frame-guidance';
import type { GuidanceAnswer, GuidanceRequest } from './guidance-worker';

/** The copy the worker analyses: about this wide, whatever the camera gives. */
const COPY_WIDTH = 640;
/** Full-size frames kept while the card is ready, to take the sharpest: only the last few, only briefly. */
const KEEP = 4;

interface Kept {
  bitmap: ImageBitmap;
  analysis: FrameAnalysis;
}

export interface Guidance {
  analysis: FrameAnalysis | null;
  /** The copy's size, which the outline's coordinates are in. */
  copy: { width: number; height: number };
  /** Takes the current frame now (the capture button, Space). */
  takeNow: () => void;
}

const startGuidanceWorker = () =>
  new Worker(new URL('./guidance-worker.ts', import.meta.url), { type: 'module', name: 'cardlens-guidance' });

/**
 * Analyses the live video on a worker and takes the card by itself when every hint has passed for a steady
 * moment (auto-capture.ts). `onTake` gets the chosen full-size frame and owns it from then on.
 */
export function useGuidance(
  video: RefObject<HTMLVideoElement | null>,
  live: boolean,
  service: FrameContext['service'],
  onTake: (frame: ImageBitmap) => void,
): Guidance {
  const [analysis, setAnalysis] = useState<FrameAnalysis | null>(null);
  const [copy, setCopy] = useState({ width: COPY_WIDTH, height: 360 });
  const take = useRef<() => void>(() => undefined);
  const latestTake = useRef(onTake);
  useEffect(() => {
    latestTake.current = onTake;
  }, [onTake]);
  useEffect(() => {
    if (!live) return;
    const worker = startGuidanceWorker();
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    let kept: Kept[] = [];
    let state = autoCaptureStart;
    let last: FrameAnalysis | null = null;
    let pending: ImageBitmap | null = null;
    let busy = false;
    let closed = false;
    const release = (frames: readonly Kept[]) => frames.forEach((frame) => frame.bitmap.close());
    const hand = (bitmap: ImageBitmap) => {
      if (closed) return bitmap.close();
      latestTake.current(bitmap);
    };
    worker.onmessage = ({ data }: MessageEvent<GuidanceAnswer>) => {
      busy = false;
      const frame = pending;
      pending = null;
      if (closed || !frame) return frame?.close();
      last = data.analysis;
      setAnalysis(data.analysis);
      if (data.analysis.hint === 'ready') kept = [...kept, { bitmap: frame, analysis: data.analysis }];
      else {
        frame.close();
        release(kept);
        kept = [];
      }
      if (kept.length > KEEP) {
        release(kept.slice(0, -KEEP));
        kept = kept.slice(-KEEP);
      }
      const next = nextAutoCapture(state, data.analysis, performance.now());
      state = next.state;
      if (!next.take) return;
      const best = sharpest(kept);
      release(kept.filter((k) => k !== best));
      kept = [];
      if (best) hand(best.bitmap);
    };
    const tick = async () => {
      const element = video.current;
      if (busy || closed || !element || !context || element.readyState < 2 || element.videoWidth === 0) return;
      busy = true;
      const full = { width: element.videoWidth, height: element.videoHeight };
      const width = Math.min(COPY_WIDTH, full.width);
      const height = Math.round((full.height * width) / full.width);
      if (canvas.width !== width || canvas.height !== height) {
        [canvas.width, canvas.height] = [width, height];
        setCopy({ width, height });
      }
      const bitmap = await createImageBitmap(element).catch(() => null);
      if (!bitmap || closed) return (bitmap?.close(), (busy = false));
      context.drawImage(bitmap, 0, 0, width, height);
      const { data } = context.getImageData(0, 0, width, height);
      pending = bitmap;
      const request: GuidanceRequest = { width, height, data: data.buffer, full, service };
      worker.postMessage(request, [data.buffer]);
    };
    const timer = setInterval(() => void tick(), GUIDANCE_EVERY_MS);
    let taking = false;
    take.current = () => {
      const element = video.current;
      // One photo at a time: presses while one is being taken add nothing.
      if (!element || element.readyState < 2 || taking) return;
      taking = true;
      state = takenByHand(last);
      void createImageBitmap(element)
        .then(hand, () => undefined)
        .finally(() => (taking = false));
    };
    return () => {
      closed = true;
      clearInterval(timer);
      worker.terminate();
      pending?.close();
      release(kept);
      take.current = () => undefined;
    };
  }, [video, live, service]);
  return { analysis: live ? analysis : null, copy, takeNow: () => take.current() };
}
