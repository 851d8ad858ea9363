// The on-device reader on a generated set (scripts/generate-reader-set.ts): the share of cards whose
// card number, expiry and resident number it reads exactly, and its read time per card in Node (one
// thread), through the same path as `npm run sandbox` (decode, upright, read, parse).
import type { Browser } from '@playwright/test';
import { generateCard } from '../generate-reader-set';
import { readCardInNode } from '../node-card-reader';
import { scoreParse } from '../../src/test-support/reader-fixtures';
import { median, round } from './stats';

const TARGETS = { cardNumber: 0.95, expiry: 0.95, residentNumber: 0.9 };

export async function measureReaderAccuracy(browser: Browser, count = 60, firstSeed = 1) {
  const page = await browser.newPage();
  const totals: Record<string, { right: number; of: number }> = {};
  const times: number[] = [];
  try {
    for (let seed = firstSeed; seed < firstSeed + count; seed++) {
      const card = await generateCard(page, seed);
      const service = card.truth.truth.service === 'credit-card' ? 'credit-card' : 'id-card';
      const started = performance.now();
      const read = await readCardInNode(card.bytes, service);
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
  } finally {
    await page.close();
  }
  const share = (measure: string) => (totals[measure] ? round(totals[measure].right / totals[measure].of) : null);
  return {
    cards: count,
    seeds: `${firstSeed}–${firstSeed + count - 1}`,
    counts: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, `${v.right}/${v.of}`])),
    cardNumberExact: share('cardNumber'),
    expiryExact: share('expiry'),
    residentNumberExact: share('residentNumber'),
    targets: TARGETS,
    // The first read includes loading the models (about 0.7 s).
    readMsMedian: round(median(times.slice(1)), 0),
  };
}
