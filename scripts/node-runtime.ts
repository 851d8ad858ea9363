// onnxruntime for the reader in Node: the native onnxruntime-node when it loads (about 3× faster than
// wasm on one thread), onnxruntime-web's wasm when it does not, with a line that says so.
import type { OrtModule } from '../src/reader';

export type RuntimeName = 'onnxruntime-node' | 'onnxruntime-web (wasm)';

export interface NodeRuntime {
  name: RuntimeName;
  ort: OrtModule;
}

/** Native first; `prefer: 'wasm'` skips it (the benchmarks set the two side by side). */
export async function nodeRuntime(threads: number, prefer: 'native' | 'wasm' = 'native'): Promise<NodeRuntime> {
  if (prefer === 'native') {
    try {
      return { name: 'onnxruntime-node', ort: withThreads(await import('onnxruntime-node'), threads) };
    } catch (error) {
      console.warn(`onnxruntime-node did not load (${String(error)}); the reader runs on onnxruntime-web's wasm.`);
    }
  }
  const web = await import('onnxruntime-web');
  web.env.wasm.numThreads = threads;
  return { name: 'onnxruntime-web (wasm)', ort: web };
}

interface NativeModule {
  InferenceSession: {
    create(model: Uint8Array, options: object): Promise<Awaited<ReturnType<OrtModule['InferenceSession']['create']>>>;
  };
  Tensor: OrtModule['Tensor'];
}

/** The native runtime with each session's threads fixed: by default it takes every core. */
function withThreads(native: NativeModule, threads: number): OrtModule {
  return {
    InferenceSession: {
      create: (model) => native.InferenceSession.create(model, { intraOpNumThreads: threads, interOpNumThreads: 1 }),
    },
    Tensor: native.Tensor,
  };
}
