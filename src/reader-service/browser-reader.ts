// The on-device reader as its worker runs it (reader-worker.ts): the runtime's WebAssembly and the
// models come from the app's own origin (hashed assets), loaded at the first read, and cached by the
// browser after that. The models come with float16 weights
// (scripts/compact-models-plugin.ts), half the download, and are expanded to float32 here.
// Where the browser offers WebGPU, the models run on the GPU through onnxruntime-web's WebGPU build, whose
// code and larger WebAssembly are fetched only then (reader-backend.ts).
import * as ortWasm from 'onnxruntime-web/wasm';
import wasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.wasm?url';
import gpuWasmUrl from 'onnxruntime-web/ort-wasm-simd-threaded.asyncify.wasm?url';
import detUrl from '@ocr-models/ch_PP-OCRv4_det_infer.onnx?compact';
import recUrl from '@ocr-models/ch_PP-OCRv4_rec_infer.onnx?compact';
import keysUrl from '@ocr-models/ppocr_keys_v1.txt?url';
import { createReader, expandModel, type OrtModule, type Reader, type ReaderModels } from '@/reader';
import { deviceReaderWith, readSize, readableSize, type Decoded } from './device-reader';
import { downloadProgress } from './download-progress';
import type { ReaderReply } from './protocol';
import { withinTime } from '@/lib/within-time';
import {
  gpuAdapterOffered,
  loadOnBestBackend,
  reportingFailures,
  type GpuLike,
  type ReaderBackend,
} from './reader-backend';
import { readerThreads } from './reader-threads';
import type { ReadBoxes, ReadCard, ReaderDownload } from './types';

async function bytesOf(url: string, onBytes: (received: number) => void): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status}`);
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    chunks.push(next.value);
    onBytes(next.value.length);
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  chunks.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
  return bytes;
}

/** Posts the download's progress to the page, which shows it the first time. */
const toPage = (progress: ReaderDownload) => self.postMessage({ progress } satisfies ReaderReply);

type OrtWeb = typeof ortWasm;

/** `ort` with every session on one execution provider, so that a GPU that cannot run a model says so. */
const onProvider = (ort: OrtWeb, provider: ReaderBackend): OrtModule => ({
  Tensor: ort.Tensor,
  InferenceSession: { create: (model) => ort.InferenceSession.create(model, { executionProviders: [provider] }) },
});

/**
 * Both models run once on a blank picture before the GPU reader is taken: WebGPU compiles its kernels at the
 * first run, and an operator it cannot run fails there, not at the user's first card.
 */
async function tryOut(reader: Reader): Promise<Reader> {
  const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
  try {
    await reader.read(blank);
    await reader.recognise(blank, [{ x1: 4, y1: 20, x2: 60, y2: 20, x3: 60, y3: 44, x4: 4, y4: 44 }]);
    return reader;
  } catch (error) {
    await reader.dispose().catch(() => undefined);
    throw error;
  }
}

/** How long the GPU may take to make the sessions and run its trial, once its files are here. */
const GPU_START_MS = 30_000;

/** Set once the GPU failed this worker's reader, loading or reading: from then on it reads on WebAssembly. */
let gpuFailed = false;
const gpuFails = () => void (gpuFailed = true);

async function loadReader(): Promise<Reader & { backend: ReaderBackend }> {
  const threads = readerThreads(self.crossOriginIsolated, navigator.hardwareConcurrency);
  const gpu = !gpuFailed && (await gpuAdapterOffered((navigator as { gpu?: GpuLike }).gpu));
  // The reader's own fetch, not ort's, so that the runtime counts in the download's progress too.
  const progress = downloadProgress(gpu ? __READER_GPU_DOWNLOAD_BYTES__ : __READER_DOWNLOAD_BYTES__, toPage);
  const models: Promise<ReaderModels> = Promise.all([
    bytesOf(detUrl, progress),
    bytesOf(recUrl, progress),
    bytesOf(keysUrl, progress),
  ]).then(([det, rec, keys]) => ({
    det: expandModel(det),
    rec: expandModel(rec),
    keys: new TextDecoder().decode(keys),
  }));
  const onRuntime = async (ort: OrtWeb, runtimeUrl: string, provider: ReaderBackend) => {
    ort.env.wasm.numThreads = threads;
    // Its warnings (which operators WebGPU hands to the CPU) are no error of the page's.
    ort.env.logLevel = 'error';
    const [wasm, loaded] = await Promise.all([bytesOf(runtimeUrl, progress), models]);
    ort.env.wasm.wasmBinary = wasm;
    if (provider === 'wasm') return createReader(loaded, onProvider(ort, provider));
    // One session at a time on the GPU, tried out, and within a time: a GPU that never answers is no GPU.
    const starting = createReader(loaded, onProvider(ort, provider), { parallelSessions: false }).then(tryOut);
    return reportingFailures(await withinTime(starting, GPU_START_MS, 'The GPU'), gpuFails);
  };
  const { reader, backend } = await loadOnBestBackend(
    gpu,
    {
      webgpu: () => import('onnxruntime-web/webgpu').then((ort) => onRuntime(ort, gpuWasmUrl, 'webgpu')),
      wasm: () => onRuntime(ortWasm, wasmUrl, 'wasm'),
    },
    gpuFails,
  );
  return Object.assign(reader, { backend });
}

/**
 * Upright pixels, as the browser shows the photo (the service's boxes are in that space too), with the
 * longer side at most MAX_READ_SIDE: the size comes from the header, so a large photo is reduced as it
 * is decoded and never held at full size.
 */
async function decode(image: Uint8Array): Promise<Decoded> {
  const original = readableSize(image);
  const target = original ? readSize(original.width, original.height) : null;
  const bitmapOf = (resizeWidth?: number, resizeHeight?: number) => {
    const resize = target && target.scale < 1 ? { resizeWidth, resizeHeight, resizeQuality: 'high' as const } : {};
    return createImageBitmap(new Blob([image as BlobPart]), { imageOrientation: 'from-image', ...resize });
  };
  let bitmap = await bitmapOf(target?.width, target?.height);
  // Browsers differ on whether a resize applies before or after the EXIF turn (whatwg/html#7210): came it
  // back turned, the resize applied to the stored frame, so ask again with the sides swapped.
  if (target && target.scale < 1 && bitmap.width !== target.width && bitmap.width === target.height) {
    bitmap.close();
    bitmap = await bitmapOf(target.height, target.width);
  }
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    // Without a readable header the bitmap is the original size.
    const size = original ?? { width, height };
    return { pixels: { data, width, height }, scale: width / size.width, ...size };
  } finally {
    bitmap.close();
  }
}

/** The Hangul recogniser's code and data, fetched the first time an ID card needs them. */
function loadHangul() {
  // Tesseract fetches its worker and core itself: they count once it has started.
  const hangulBytes = { loaded: __HANGUL_DOWNLOAD_BYTES__, total: __HANGUL_DOWNLOAD_BYTES__ };
  const progress = downloadProgress(__HANGUL_DOWNLOAD_BYTES__, toPage);
  return import('./hangul-browser')
    .then(({ startHangulRecogniser }) => startHangulRecogniser((url) => bytesOf(url, progress)))
    .then(
      (recogniser) => (toPage(hangulBytes), recogniser),
      (error: unknown) => {
        toPage({ loaded: 0, total: 0 }); // no bar stays half full: the digits stand without Hangul
        throw error;
      },
    );
}

const device = deviceReaderWith(loadReader, decode, loadHangul);
export const readCardInBrowser: ReadCard = device.readCard;
export const readBoxesInBrowser: ReadBoxes = device.readBoxes;
export const warmInBrowser = device.warm;
