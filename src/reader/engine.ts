import { quadCentre, quadHeight, type Quad } from '@/lib/quad';
import { ctcDecode, dictionaryOf, type Decoded } from './ctc-decode';
import { dbPostprocess, type DbOptions } from './db-postprocess';
import { detectPreprocess, DET_MAX_SIDE } from './detect-preprocess';
import { packStrips, planBatches, REC_BATCH_MAX, REC_BATCH_SPREAD } from './rec-batches';
import { rectify, REC_HEIGHT, type RecInput } from './rectify';
import type { Pixels, ReadLine } from './types';

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
  /** The most strips one recogniser call takes (1: a call a strip). */
  recBatchMax: number;
  /** Whether the two sessions are made side by side: onnxruntime-web's WebGPU backend makes one at a time. */
  parallelSessions: boolean;
}

/** The text recognised inside one given box. */
export interface BoxText {
  text: string;
  /** Mean probability of its characters, 0..1; 0 when nothing was recognised. */
  conf: number;
}

export interface Reader {
  /**
   * The lines of text in an image, top to bottom, then left to right. Calls run one after another. With
   * `keepUnsure`, lines read with a low confidence or as nothing come too, marked `unsure` (a Hangul
   * line, which this Chinese/English recogniser cannot read, is one).
   */
  read(pixels: Pixels, options?: { keepUnsure?: boolean }): Promise<ReadLine[]>;
  /**
   * The text inside each of `boxes` (image pixels), recognised without detection: a second reading of
   * boxes another reader placed. Each box is grown a little first, since a tight box clips the strokes.
   */
  recognise(pixels: Pixels, boxes: readonly Quad[]): Promise<BoxText[]>;
  dispose(): Promise<void>;
}

const DEFAULTS: ReaderOptions = {
  maxSide: DET_MAX_SIDE,
  minConf: 0.5,
  db: {},
  recBatchMax: REC_BATCH_MAX,
  parallelSessions: true,
};

export async function createReader(
  models: ReaderModels,
  ort: OrtModule,
  options: Partial<ReaderOptions> = {},
): Promise<Reader> {
  const opt = { ...DEFAULTS, ...options };
  const dictionary = dictionaryOf(models.keys);
  // Made together and kept for every read after: with threads, or native, the two compile side by side.
  const [det, rec] = await makeSessions(ort, [models.det, models.rec], opt.parallelSessions);

  async function run(session: OrtSession, data: Float32Array, dims: number[]): Promise<OrtTensor> {
    const outputs = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', data, dims) });
    return outputs[session.outputNames[0]];
  }

  function checkPixels(px: Pixels) {
    if (px.data.length !== px.width * px.height * 4) {
      throw new Error(`Pixels: ${px.data.length} bytes for ${px.width} × ${px.height} RGBA`);
    }
  }

  /** The text of each strip, in the strips' order; strips of similar width share one recogniser call. */
  async function recogniseStrips(strips: readonly RecInput[]): Promise<Decoded[]> {
    const decoded = new Array<Decoded>(strips.length);
    for (const batch of planBatches(
      strips.map((s) => s.width),
      REC_BATCH_SPREAD,
      opt.recBatchMax,
    )) {
      const members = batch.map((i) => strips[i]);
      const width = Math.max(...members.map((s) => s.width));
      const out = await run(rec, packStrips(members, width), [members.length, 3, REC_HEIGHT, width]);
      const [, steps, classes] = out.dims;
      const data = out.data as Float32Array;
      batch.forEach((index, n) => {
        const rows = data.subarray(n * steps * classes, (n + 1) * steps * classes);
        // Positions come back as fractions of the batch's width; each strip's own width is what it holds.
        const raw = ctcDecode({ data: rows, steps, classes }, dictionary);
        decoded[index] = { ...raw, positions: raw.positions.map((p) => (p * width) / strips[index].width) };
      });
    }
    return decoded;
  }

  async function recogniseNow(px: Pixels, boxes: readonly Quad[]): Promise<BoxText[]> {
    checkPixels(px);
    const grown = boxes.map((box) => grownBox(box, BOX_MARGIN));
    // A box with no area, or one so far out that its size is not a number, holds nothing to read.
    const readable = boxes.map(
      (box, i) => px.width >= 1 && px.height >= 1 && boxHasArea(box) && Object.values(grown[i]).every(Number.isFinite),
    );
    const wanted = grown.filter((_, i) => readable[i]);
    const decoded = await recogniseStrips(wanted.map((quad) => rectify(px, quad)));
    let next = 0;
    return readable.map((ok) => {
      if (!ok) return { text: '', conf: 0 };
      const { text, conf } = decoded[next++];
      return { text, conf };
    });
  }

  async function readNow(px: Pixels, keepUnsure = false): Promise<ReadLine[]> {
    if (px.width < 1 || px.height < 1) return [];
    checkPixels(px);
    const input = detectPreprocess(px, opt.maxSide);
    const prob = await run(det, input.data, [1, 3, input.height, input.width]);
    const regions = dbPostprocess(
      { data: prob.data as Float32Array, width: input.width, height: input.height },
      { scaleX: input.scaleX, scaleY: input.scaleY, imageWidth: px.width, imageHeight: px.height },
      opt.db,
    );
    const strips = regions.map((region) => rectify(px, region.quad));
    const decoded = await recogniseStrips(strips);
    const lines: ReadLine[] = [];
    regions.forEach((region, i) => {
      const { text, conf, positions } = decoded[i];
      const unsure = text.trim() === '' || conf < opt.minConf;
      if (unsure && !keepUnsure) return;
      // Positions are fractions of the padded strip; the quad spans only its content.
      const stretch = strips[i].width / strips[i].contentWidth;
      const charPositions = positions.map((p) => Math.min(1, p * stretch));
      lines.push({ text, conf, quad: region.quad, charPositions, ...(unsure && { unsure }) });
    });
    return sortLines(lines);
  }

  let queue: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    read: (px, options) => inTurn(() => readNow(px, options?.keepUnsure)),
    recognise: (px, boxes) => inTurn(() => recogniseNow(px, boxes)),
    async dispose() {
      await queue;
      await Promise.all([det.release?.(), rec.release?.()]);
    },
  };
}

/**
 * A session for each model, side by side or one after another. When one cannot be made, those made are
 * released before the failure is passed on: a reader that failed to load holds no memory.
 */
async function makeSessions(ort: OrtModule, models: readonly Uint8Array[], parallel: boolean): Promise<OrtSession[]> {
  const release = (sessions: OrtSession[]) =>
    Promise.allSettled(sessions.map((session) => session.release?.() ?? Promise.resolve()));
  if (parallel) {
    const settled = await Promise.allSettled(models.map((model) => ort.InferenceSession.create(model)));
    const made = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = settled.find((result) => result.status === 'rejected');
    if (!failed) return made;
    await release(made);
    throw failed.reason;
  }
  const made: OrtSession[] = [];
  try {
    for (const model of models) made.push(await ort.InferenceSession.create(model));
    return made;
  } catch (error) {
    await release(made);
    throw error;
  }
}

/** How far a given box is grown on every side before recognition, as a fraction of its height. */
export const BOX_MARGIN = 0.2;

const edge = (ax: number, ay: number, bx: number, by: number) => Math.hypot(bx - ax, by - ay);
/** Whether a box has room for text: its sides at least a pixel long (false for a side that is not a number). */
export const boxHasArea = (q: Quad) => edge(q.x1, q.y1, q.x2, q.y2) >= 1 && edge(q.x1, q.y1, q.x4, q.y4) >= 1;

/** `q` grown by `fraction` of its height on every side, along its own axes (it may be turned). */
export function grownBox(q: Quad, fraction: number): Quad {
  const width = edge(q.x1, q.y1, q.x2, q.y2);
  const height = quadHeight(q);
  const pad = height * fraction;
  const [ux, uy] = [(q.x2 - q.x1) / width, (q.y2 - q.y1) / width];
  const [vx, vy] = [-uy, ux]; // down the box, at right angles to its top edge
  const at = (x: number, y: number, along: number, down: number) => [
    x + ux * along + vx * down,
    y + uy * along + vy * down,
  ];
  const [x1, y1] = at(q.x1, q.y1, -pad, -pad);
  const [x2, y2] = at(q.x2, q.y2, pad, -pad);
  const [x3, y3] = at(q.x3, q.y3, pad, pad);
  const [x4, y4] = at(q.x4, q.y4, -pad, pad);
  return { x1, y1, x2, y2, x3, y3, x4, y4 };
}

const top = (q: Quad) => Math.min(q.y1, q.y2);
const left = (q: Quad) => Math.min(q.x1, q.x4);
const midY = (q: Quad) => quadCentre(q).y;

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
      const sameRow = Math.abs(midY(a) - midY(b)) < Math.min(quadHeight(a), quadHeight(b)) / 2;
      if (!sameRow || left(a) <= left(b)) break;
      [sorted[j - 1], sorted[j]] = [sorted[j], sorted[j - 1]];
    }
  }
  return sorted;
}
