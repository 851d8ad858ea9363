// Our reader on onnxruntime-web's WebGPU build, as src/reader-service/browser-reader.ts loads it where the
// browser offers a GPU.
import * as ortGpu from 'onnxruntime-web/webgpu';
import gpuWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import { loadOn } from './ours';

export const load = (threads: number) => loadOn(ortGpu, gpuWasmUrl, threads, 'webgpu');
