// What the reader-anchor bench page offers Playwright (scripts/bench/reader-anchor.ts).
export type EngineName = 'ours' | 'anchor';
/** An engine a page may hold: the two timed against each other, and ours on WebGPU, checked against ours on wasm. */
export type LoadedName = EngineName | 'ours-webgpu';

export interface TimedRead {
  /** Milliseconds inside the engine's timer (each engine's file says what is inside it). */
  ms: number;
  /** The lines of text read, in the engine's own order. */
  lines: string[];
}

export interface Engine {
  /** onnxruntime-web's wasm thread setting as the engine runs. */
  threads: number;
  read(jpeg: Blob): Promise<TimedRead>;
}

export interface ReaderAnchorBench {
  /** Loads an engine (code, runtime, models) on `threads` wasm threads and answers how long that took. */
  load(name: EngineName, threads: number): Promise<{ ms: number; threads: number }>;
  /**
   * Starts the app's own reader worker (src/reader-service) and warms it: from the worker's start to the
   * reader ready (runtime and models fetched, models widened, both sessions made), and what it answered.
   */
  workerReady(): Promise<{ ms: number; answer: string; backend?: string }>;
  /**
   * The browser's WebGPU adapter ('none', 'software' for a fallback adapter such as SwiftShader, or 'hardware'),
   * and, unless it is 'none', ours loaded on it as `ours-webgpu` (its runtime and models, sessions made).
   */
  loadOnGpu(threads: number): Promise<{ adapter: 'none' | 'software' | 'hardware'; ms: number }>;
  addCard(id: string, jpegBase64: string): void;
  read(name: LoadedName, id: string): Promise<TimedRead>;
}

declare global {
  interface Window {
    readerAnchorBench?: ReaderAnchorBench;
  }
}
