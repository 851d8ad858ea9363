// The camera view's frame analysis, off the page's thread: one small copy of a frame in, its hint out.
import { analyseFrame, type FrameAnalysis, type FrameContext } from '@/images/frame-guidance';
import type { Quad } from '@/lib/quad';

export interface GuidanceRequest {
  width: number;
  height: number;
  data: ArrayBuffer;
  full: FrameContext['full'];
  service: FrameContext['service'];
}

export interface GuidanceAnswer {
  analysis: FrameAnalysis;
  ms: number;
}

let previous: Quad | null = null;

self.onmessage = (event: MessageEvent<GuidanceRequest>) => {
  const { width, height, data, full, service } = event.data;
  const start = performance.now();
  const analysis = analyseFrame({ width, height, data: new Uint8ClampedArray(data) }, { full, service, previous });
  previous = analysis.quad;
  const answer: GuidanceAnswer = { analysis, ms: performance.now() - start };
  self.postMessage(answer);
};
