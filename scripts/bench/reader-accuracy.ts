// The on-device reader on a generated set (scripts/generate-reader-set.ts): the share of cards whose
// card number, expiry and resident number it reads exactly, and its read time per card in Node (one
// thread, onnxruntime-node unless a variant says wasm), through the same path as `npm run sandbox`
// (decode, upright, read, parse); and beside it the PaddleOCR SDKs for JavaScript (./reader-peers.ts),
// whose lines go through the same parser. Every engine reads each card in turn, the first one changing
// card by card, so that their times are compared in one run on one machine state.
import { cpus } from 'node:os';
import type { Browser } from '@playwright/test';
import { generateCard } from '../generate-reader-set';
import { decodeForReading, loadNodeReader, type NodeReaderSetup } from '../node-card-reader';
import { cardFromLines, readableSize, readCardWith } from '../../src/reader-service/device-reader';
import type { DeviceRead, ReadCard } from '../../src/reader-service';
import { scoreParse } from '../../src/test-support/reader-fixtures';
import { measureKoreanIdCards } from './reader-korean';
import { startPeers } from './reader-peers';
import { median, medianRatio, round, tallyShare } from './stats';

const TARGETS = {
  cardNumber: 0.95,
  expiry: 0.95,
  residentNumber: 0.9,
  nodeReadMsVsPaddleocr: '<= 0.7',
  nodeReadMsVsPpu: '<= 1.0, at our accuracy',
};

/** The reader as it ships first; the others are what it was chosen against. */
const VARIANTS: Record<string, NodeReaderSetup> = {
  shipped: {},
  wasm: { prefer: 'wasm' },
  detector960: { options: { maxSide: 960 } },
  batchedRecognition: { options: { recBatchMax: 8 } },
};

interface Engine {
  name: string;
  read: ReadCard;
  readyMs: number;
  times: number[];
  totals: Record<string, { right: number; of: number }>;
  failedReads: number;
}

const engine = (name: string, read: ReadCard, readyMs: number): Engine => ({
  name,
  read,
  readyMs,
  times: [],
  totals: {},
  failedReads: 0,
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

export async function measureReaderAccuracy(browser: Browser, count = 60, firstSeed = 1) {
  const page = await browser.newPage();
  const runtimes: Record<string, string> = {};
  const engines: Engine[] = [];
  for (const [name, setup] of Object.entries(VARIANTS)) {
    const loaded = await timed(() => loadNodeReader({ ...setup, onRuntime: (runtime) => (runtimes[name] = runtime) }));
    engines.push(
      engine(
        name,
        readCardWith(() => Promise.resolve(loaded.value), decodeForReading),
        loaded.ms,
      ),
    );
  }
  const started = await timed(() => startPeers());
  const { peers, missing } = started.value;
  for (const peer of peers) {
    // A peer reads lines; Cardlens' parser makes the card of them, as for its own reader.
    const read: ReadCard = async (image, service): Promise<DeviceRead> => {
      const size = readableSize(image);
      if (!size) throw new Error('The card has no size in its header');
      return cardFromLines(await peer.read(image), size, image, service);
    };
    engines.push(engine(peer.name, read, peer.readyMs));
  }
  try {
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      const card = await generateCard(page, seed);
      const service = card.truth.truth.service === 'credit-card' ? 'credit-card' : 'id-card';
      const turn = (seed - firstSeed) % engines.length;
      for (const e of [...engines.slice(turn), ...engines.slice(0, turn)]) {
        let read: DeviceRead;
        try {
          const result = await timed(() => e.read(card.bytes, service));
          e.times.push(result.ms);
          read = result.value;
        } catch (error) {
          e.failedReads += 1;
          read = { kind: 'unavailable', why: String(error) };
        }
        const parsed =
          read.kind === 'read' ? { ok: true as const, result: read.result } : { ok: false as const, lookedFor: '' };
        for (const [measure, right] of Object.entries(
          scoreParse(card.truth, parsed as Parameters<typeof scoreParse>[1]),
        )) {
          e.totals[measure] ??= { right: 0, of: 0 };
          e.totals[measure].right += right ? 1 : 0;
          e.totals[measure].of += 1;
        }
      }
    }
  } finally {
    await page.close();
    await started.value.dispose();
  }
  const byName = new Map(engines.map((e) => [e.name, e]));
  // Each engine's first read warms its runtime up; it is left out.
  const readTimes = (name: string) => byName.get(name)?.times.slice(1) ?? [];
  const readMs = (name: string) => (readTimes(name).length ? round(median(readTimes(name)), 0) : null);
  const summary = (e: Engine) => ({
    counts: Object.fromEntries(Object.entries(e.totals).map(([k, v]) => [k, tallyShare(v).count])),
    cardNumberExact: tallyShare(e.totals.cardNumber).share,
    expiryExact: tallyShare(e.totals.expiry).share,
    residentNumberExact: tallyShare(e.totals.residentNumber).share,
    readMsMedian: readMs(e.name),
    readyMs: round(e.readyMs, 0),
    ...(e.failedReads ? { failedReads: e.failedReads } : {}),
  });
  const shipped = byName.get('shipped')!;
  return {
    cards: count,
    seeds: `${firstSeed}–${firstSeed + count - 1}`,
    cores: cpus().length,
    threadsEach: 1,
    runtime: runtimes.shipped,
    ...summary(shipped),
    nodeReadMsVsPaddleocr: medianRatio(readTimes('shipped'), readTimes('paddleocr')),
    nodeReadMsVsPpu: medianRatio(readTimes('shipped'), readTimes('ppuPaddleOcr')),
    nodeReadMsVsGutenye: medianRatio(readTimes('shipped'), readTimes('gutenyeOcrNode')),
    targets: TARGETS,
    peers: {
      ...Object.fromEntries(peers.map((p) => [p.name, { package: p.package, ...summary(byName.get(p.name)!) }])),
      ...Object.fromEntries(missing.map((m) => [m.name, { cannotRun: m.why }])),
    },
    variants: Object.fromEntries(
      Object.keys(VARIANTS).map((name) => [
        name,
        {
          runtime: runtimes[name],
          ...summary(byName.get(name)!),
          overShipped: medianRatio(readTimes(name), readTimes('shipped')),
        },
      ]),
    ),
    // The Korean set: resident cards and licences with their Hangul fields (scripts/bench/reader-korean.ts).
    korean: await measureKoreanIdCards(browser),
  };
}
