// The on-device reader as the in-page sandbox's worker runs it: the runtime's WebAssembly and the
// models come from the app's own origin (hashed assets), loaded the first time a card that is not a
// specimen arrives, and cached by the browser after that.
import * as ort from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import detUrl from '@ocr-models/ch_PP-OCRv4_det_infer.onnx?url';
import recUrl from '@ocr-models/ch_PP-OCRv4_rec_infer.onnx?url';
import keysUrl from '@ocr-models/ppocr_keys_v1.txt?url';
import { createReader, type Pixels, type Reader } from '@/reader';
import { readCardWith } from './read-card';
import type { ReadCard } from './device-read';

let reader: Promise<Reader> | null = null;

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadReader(): Promise<Reader> {
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.wasmPaths = { wasm: wasmUrl };
  reader ??= Promise.all([bytesOf(detUrl), bytesOf(recUrl), fetch(keysUrl).then((r) => r.text())]).then(
    ([det, rec, keys]) => createReader({ det, rec, keys }, ort),
  );
  // A failed start is tried again with the next card, not remembered for good.
  reader.catch(() => (reader = null));
  return reader;
}

/** Upright pixels, as the browser shows the photo: the service's boxes are in that space too. */
async function decode(image: Uint8Array): Promise<Pixels> {
  const bitmap = await createImageBitmap(new Blob([image as BlobPart]), { imageOrientation: 'from-image' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { data, width, height };
  } finally {
    bitmap.close();
  }
}

export const readCardInBrowser: ReadCard = readCardWith(loadReader, decode);
