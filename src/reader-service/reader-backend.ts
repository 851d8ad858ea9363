// Where the reader's models run: on the GPU, through onnxruntime-web's WebGPU backend, where the browser
// offers an adapter; on WebAssembly everywhere else. The device decides, never the user: a GPU that cannot
// run the models falls back to WebAssembly without a message, since the reads are the same either way.

import { withinTime } from '@/lib/within-time';
import type { Reader } from '@/reader';

export type ReaderBackend = 'webgpu' | 'wasm';

/** How long the browser may take to offer an adapter before the device counts as having no GPU. */
export const ADAPTER_PROBE_MS = 3_000;

/** The part of `navigator.gpu` the choice needs (absent where the browser has no WebGPU). */
export interface GpuLike {
  requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean }; isFallbackAdapter?: boolean } | null>;
}

/**
 * Whether the browser offers a WebGPU adapter that is a GPU; never throws (a refused or broken GPU is no
 * GPU). A fallback adapter is software (Chromium's SwiftShader where there is no GPU), on which the bench
 * read a card in 85 s against 1.3 s on WebAssembly (scripts/bench/reader-anchor.ts).
 */
export async function gpuAdapterOffered(gpu: GpuLike | undefined, ms = ADAPTER_PROBE_MS): Promise<boolean> {
  if (!gpu) return false;
  try {
    const adapter = await withinTime(gpu.requestAdapter(), ms, 'The GPU adapter');
    return adapter != null && !(adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false);
  } catch {
    return false;
  }
}

export interface BackendLoaders<R> {
  /** Loads the reader on the GPU, and throws when the GPU cannot run its models. */
  webgpu: () => Promise<R>;
  wasm: () => Promise<R>;
}

/**
 * The reader on the GPU where one is offered and runs the models, else on WebAssembly, and which it is.
 * `onGpuFailure` hears of a GPU that failed to load the reader, so that the caller stops offering it.
 */
export async function loadOnBestBackend<R>(
  gpuOffered: boolean,
  load: BackendLoaders<R>,
  onGpuFailure: () => void = () => undefined,
): Promise<{ reader: R; backend: ReaderBackend }> {
  if (gpuOffered) {
    try {
      return { reader: await load.webgpu(), backend: 'webgpu' };
    } catch {
      // Quietly on WebAssembly: the user loses nothing but speed.
      onGpuFailure();
    }
  }
  return { reader: await load.wasm(), backend: 'wasm' };
}

/**
 * `reader`, telling `onFailure` when a read or recognition on it fails: a GPU can fail at a card's size
 * (memory, a lost device) after its trial on a blank picture passed, and the next load must not choose it again.
 */
export function reportingFailures<R extends Pick<Reader, 'read' | 'recognise'>>(reader: R, onFailure: () => void): R {
  const failed = (error: unknown): never => {
    onFailure();
    throw error;
  };
  return {
    ...reader,
    read: (...args: Parameters<Reader['read']>) => reader.read(...args).catch(failed),
    recognise: (...args: Parameters<Reader['recognise']>) => reader.recognise(...args).catch(failed),
  };
}
