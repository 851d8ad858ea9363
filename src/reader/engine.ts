import { ctcDecode, dictionaryOf } from './ctc-decode';
import { dbPostprocess, type DbOptions } from './db-postprocess';
import { detectPreprocess, DET_MAX_SIDE } from './detect-preprocess';
import { rectify, REC_HEIGHT } from './rectify';
import type { Pixels, Quad, ReadLine } from './types';

/** The part of onnxruntime (web or node) the engine uses; the caller configures and passes it in. */
export interface OrtTensor {
  readonly data: unknown;
  readonly dims: readonly number[];
}
export interface OrtSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>>;
  release?(): Promise<void>;
}
export interface OrtModule {
  InferenceSession: { create(model: Uint8Array): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: readonly number[]) => OrtTensor;
}

export interface ReaderModels {
  /** ch_PP-OCRv4_det_infer.onnx */
  det: Uint8Array;
  /** ch_PP-OCRv4_rec_infer.onnx */
  rec: Uint8Array;
  /** ppocr_keys_v1.txt */
  keys: string;
}

export interface ReaderOptions {
  /** The detector's longer side (default 960). */
  maxSide: number;
  /** Lines whose confidence is below this are dropped (PP-OCR's drop_score, 0.5). */
  minConf: number;
  db: Partial<DbOptions>;
}

export interface Reader {
  /** The lines of text in an image, top to bottom, then left to right. Calls run one after another. */
  read(pixels: Pixels): Promise<ReadLine[]>;
  dispose(): Promise<void>;
}

const DEFAULTS: ReaderOptions = { maxSide: DET_MAX_SIDE, minConf: 0.5, db: {} };

export async function createReader(
  models: ReaderModels,
  ort: OrtModule,
  options: Partial<ReaderOptions> = {},
): Promise<Reader> {
  const opt = { ...DEFAULTS, ...options };
  const dictionary = dictionaryOf(models.keys);
  const det = await ort.InferenceSession.create(models.det);
  const rec = await ort.InferenceSession.create(models.rec);

  async function run(session: OrtSession, data: Float32Array, dims: number[]): Promise<OrtTensor> {
    const outputs = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', data, dims) });
    return outputs[session.outputNames[0]];
  }

  async function readNow(px: Pixels): Promise<ReadLine[]> {
    if (px.width < 1 || px.height < 1) return [];
    if (px.data.length !== px.width * px.height * 4) {
      throw new Error(`Pixels: ${px.data.length} bytes for ${px.width} × ${px.height} RGBA`);
    }
    const input = detectPreprocess(px, opt.maxSide);
    const prob = await run(det, input.data, [1, 3, input.height, input.width]);
    const regions = dbPostprocess(
      { data: prob.data as Float32Array, width: input.width, height: input.height },
      { scaleX: input.scaleX, scaleY: input.scaleY, imageWidth: px.width, imageHeight: px.height },
      opt.db,
    );
    const lines: ReadLine[] = [];
    for (const region of regions) {
      const strip = rectify(px, region.quad);
      const out = await run(rec, strip.data, [1, 3, REC_HEIGHT, strip.width]);
      const [, steps, classes] = out.dims;
      const decoded = ctcDecode({ data: out.data as Float32Array, steps, classes }, dictionary);
      if (decoded.text.trim() === '' || decoded.conf < opt.minConf) continue;
      // Positions are fractions of the padded strip; the quad spans only its content.
      const stretch = strip.width / strip.contentWidth;
      lines.push({
        text: decoded.text,
        conf: decoded.conf,
        quad: region.quad,
        charPositions: decoded.positions.map((p) => Math.min(1, p * stretch)),
      });
    }
    return sortLines(lines);
  }

  let queue: Promise<unknown> = Promise.resolve();
  return {
    read(px) {
      const result = queue.then(() => readNow(px));
      queue = result.catch(() => undefined);
      return result;
    },
    async dispose() {
      await queue;
      await Promise.all([det.release?.(), rec.release?.()]);
    },
  };
}

const top = (q: Quad) => Math.min(q.y1, q.y2);
const left = (q: Quad) => Math.min(q.x1, q.x4);
const lineHeight = (q: Quad) => (Math.hypot(q.x4 - q.x1, q.y4 - q.y1) + Math.hypot(q.x3 - q.x2, q.y3 - q.y2)) / 2;
const midY = (q: Quad) => (q.y1 + q.y2 + q.y3 + q.y4) / 4;

/**
 * Top to bottom, then left to right: lines whose middles are within half a line height of each other
 * count as one row and are ordered by x.
 */
export function sortLines<T extends { quad: Quad }>(lines: readonly T[]): T[] {
  const sorted = [...lines].sort((a, b) => top(a.quad) - top(b.quad) || left(a.quad) - left(b.quad));
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0; j--) {
      const a = sorted[j - 1].quad;
      const b = sorted[j].quad;
      const sameRow = Math.abs(midY(a) - midY(b)) < Math.min(lineHeight(a), lineHeight(b)) / 2;
      if (!sameRow || left(a) <= left(b)) break;
      [sorted[j - 1], sorted[j]] = [sorted[j], sorted[j - 1]];
    }
  }
  return sorted;
}
