// Where the reader's models run: on the GPU, through onnxruntime-web's WebGPU backend, where the browser
// offers an adapter; on WebAssembly everywhere else. The device decides, never the user: a GPU that cannot
// run the models falls back to WebAssembly without a message, since the reads are the same either way.

export type ReaderBackend = 'webgpu' | 'wasm';

/** The part of `navigator.gpu` the choice needs (absent where the browser has no WebGPU). */
export interface GpuLike {
  requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean }; isFallbackAdapter?: boolean } | null>;
}

/**
 * Whether the browser offers a WebGPU adapter that is a GPU; never throws (a refused or broken GPU is no
 * GPU). A fallback adapter is software (Chromium's SwiftShader where there is no GPU), on which the bench
 * read a card in 85 s against 1.3 s on WebAssembly (scripts/bench/reader-anchor.ts).
 */
export async function gpuAdapterOffered(gpu: GpuLike | undefined): Promise<boolean> {
  if (!gpu) return false;
  try {
    const adapter = await gpu.requestAdapter();
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

/** The reader on the GPU where one is offered and runs the models, else on WebAssembly, and which it is. */
export async function loadOnBestBackend<R>(
  gpuOffered: boolean,
  load: BackendLoaders<R>,
): Promise<{ reader: R; backend: ReaderBackend }> {
  if (gpuOffered) {
    try {
      return { reader: await load.webgpu(), backend: 'webgpu' };
    } catch {
      // Quietly on WebAssembly: the user loses nothing but speed.
    }
  }
  return { reader: await load.wasm(), backend: 'wasm' };
}
