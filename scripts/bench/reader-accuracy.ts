// The on-device reader on a generated set (scripts/generate-reader-set.ts): the share of cards whose
// card number, expiry and resident number it reads exactly, and its read time per card in Node (one
// thread, onnxruntime-node unless a variant says wasm), through the same path as `npm run sandbox`
// (decode, upright, read, parse). Each variant reads
// every card in turn, so their times are compared in one run on one machine state.
import type { Browser } from '@playwright/test';
import { generateCard } from '../generate-reader-set';
import { nodeCardReader, type NodeReaderSetup } from '../node-card-reader';
import { scoreParse } from '../../src/test-support/reader-fixtures';
import { measureKoreanIdCards } from './reader-korean';
import { median, round } from './stats';

const TARGETS = { cardNumber: 0.95, expiry: 0.95, residentNumber: 0.9 };

/** The reader as it ships first; the others are what it was chosen against. */
const VARIANTS: Record<string, NodeReaderSetup> = {
  shipped: {},
  wasm: { prefer: 'wasm' },
  detector960: { options: { maxSide: 960 } },
  batchedRecognition: { options: { recBatchMax: 8 } },
};

interface Tally {
  totals: Record<string, { right: number; of: number }>;
  times: number[];
}

export async function measureReaderAccuracy(browser: Browser, count = 60, firstSeed = 1) {
  const page = await browser.newPage();
  const runtimes: Record<string, string> = {};
  const readers = Object.entries(VARIANTS).map(([name, setup]) => ({
    name,
    read: nodeCardReader({ ...setup, onRuntime: (runtime) => (runtimes[name] = runtime) }),
  }));
  const tallies: Record<string, Tally> = Object.fromEntries(readers.map((r) => [r.name, { totals: {}, times: [] }]));
  try {
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      const card = await generateCard(page, seed);
      const service = card.truth.truth.service === 'credit-card' ? 'credit-card' : 'id-card';
      for (const reader of readers) {
        const { totals, times } = tallies[reader.name];
        const started = performance.now();
        const read = await reader.read(card.bytes, service);
        times.push(performance.now() - started);
        const parsed =
          read.kind === 'read' ? { ok: true as const, result: read.result } : { ok: false as const, lookedFor: '' };
        for (const [measure, right] of Object.entries(
          scoreParse(card.truth, parsed as Parameters<typeof scoreParse>[1]),
        )) {
          totals[measure] ??= { right: 0, of: 0 };
          totals[measure].right += right ? 1 : 0;
          totals[measure].of += 1;
        }
      }
    }
  } finally {
    await page.close();
  }
  // The first read includes loading the models (about 0.7 s).
  const readMs = (name: string) => median(tallies[name].times.slice(1));
  const summary = ({ totals }: Tally) => {
    const share = (measure: string) => (totals[measure] ? round(totals[measure].right / totals[measure].of) : null);
    return {
      counts: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, `${v.right}/${v.of}`])),
      cardNumberExact: share('cardNumber'),
      expiryExact: share('expiry'),
      residentNumberExact: share('residentNumber'),
    };
  };
  return {
    cards: count,
    seeds: `${firstSeed}–${firstSeed + count - 1}`,
    runtime: runtimes.shipped,
    ...summary(tallies.shipped),
    targets: TARGETS,
    readMsMedian: round(readMs('shipped'), 0),
    variants: Object.fromEntries(
      readers.map(({ name }) => [
        name,
        {
          runtime: runtimes[name],
          ...summary(tallies[name]),
          readMsMedian: round(readMs(name), 0),
          overShipped: round(readMs(name) / readMs('shipped')),
        },
      ]),
    ),
    // The Korean set: resident cards and licences with their Hangul fields (scripts/bench/reader-korean.ts).
    korean: await measureKoreanIdCards(browser),
  };
}
