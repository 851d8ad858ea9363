// The on-device reader on Korean ID cards (scripts/reader-set/korean-layout.ts): half resident cards,
// half driver's licences, their Hangul in several Korean fonts, tilted, blurred, noisy and JPEG-compressed.
// Each card is read with the Hangul step and without it, in turn, through the Node sandbox's path.
//
//   npx tsx scripts/bench/reader-korean.ts [count] [firstSeed]   (also part of `npm run bench -- reader`)
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { browserLaunchOptions } from '../browser.mjs';
import { generateCard } from '../generate-reader-set';
import { nodeCardReader } from '../node-card-reader';
import { KOREAN_FONTS } from '../reader-set/korean-layout';
import { NAME_CHECK_CONF } from '../../src/reader';
import { median, round } from './stats';

const TARGETS = {
  nameExact: 0.9,
  issuerExact: 0.97,
  licenseTypeExact: 0.97,
  hangulDownloadGzipMB: 3.5,
  idCardReadMsOverLatinOnly: 1.5,
};

const require = createRequire(import.meta.url);
const file = (pkg: string, path: string) => join(dirname(require.resolve(`${pkg}/package.json`)), path);

/** What the browser fetches for Korean, gzipped as a server sends it (the data file is gzip already). */
async function hangulDownloadBytes(): Promise<number> {
  const files = [
    file('@tesseract.js-data/kor', '4.0.0_best_int/kor.traineddata.gz'),
    file('tesseract.js-core', 'tesseract-core-simd-lstm.wasm.js'),
    file('tesseract.js', 'dist/worker.min.js'),
  ];
  const sizes = await Promise.all(
    files.map(async (f) => {
      const bytes = await readFile(f);
      return f.endsWith('.gz') ? bytes.length : gzipSync(bytes, { level: 9 }).length;
    }),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

interface KeyValue {
  key: string;
  value: string;
  conf: number;
}

export async function measureKoreanIdCards(browser: Browser, count = 60, firstSeed = 3001) {
  const page = await browser.newPage();
  const korean = nodeCardReader();
  const latinOnly = nodeCardReader({ hangul: false });
  const tally: Record<string, { right: number; of: number }> = {};
  const count1 = (measure: string, right: boolean) => {
    tally[measure] ??= { right: 0, of: 0 };
    tally[measure].right += right ? 1 : 0;
    tally[measure].of += 1;
  };
  const times = { korean: [] as number[], latinOnly: [] as number[] };
  const marked = { right: 0, wrong: 0 };
  const unmarkedWrong: string[] = [];
  const misses: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const seed = firstSeed + i;
      const idType = i % 2 ? 'driver' : 'resident';
      const card = await generateCard(page, seed, { korean: { idType, fonts: KOREAN_FONTS } });
      const truth = card.truth.truth;
      if (truth.service !== 'id-card') continue;
      let started = performance.now();
      const plain = await latinOnly(card.bytes, 'id-card');
      times.latinOnly.push(performance.now() - started);
      started = performance.now();
      const read = await korean(card.bytes, 'id-card');
      times.korean.push(performance.now() - started);
      const kv: KeyValue[] =
        read.kind === 'read' ? (read.result as unknown as { keyValues: KeyValue[] }).keyValues : [];
      const plainKv: KeyValue[] =
        plain.kind === 'read' ? (plain.result as unknown as { keyValues: KeyValue[] }).keyValues : [];
      const got = (key: string) => kv.find((k) => k.key === key);
      for (const key of ['residentNumber', 'issueDate', 'driverLicenseNumber'] as const) {
        const want = truth[key];
        if (!want) continue;
        count1(key, got(key)?.value === want);
        count1(`${key}LatinOnly`, plainKv.find((k) => k.key === key)?.value === want);
      }
      const name = got('name');
      count1('name', name?.value === truth.name);
      if (name && name.conf < NAME_CHECK_CONF) marked[name.value === truth.name ? 'right' : 'wrong']++;
      else if (name && name.value !== truth.name) unmarkedWrong.push(`${truth.name}→${name.value}`);
      count1('issuer', got('issuer')?.value === truth.issuer);
      if (truth.licenseType) count1('licenseType', got('licenseType')?.value === truth.licenseType);
      for (const key of ['name', 'issuer', 'licenseType'] as const)
        if (truth[key] && got(key)?.value !== truth[key])
          misses.push(
            `${seed} ${key}: ${truth[key]} → ${got(key)?.value ?? '(none)'} (${card.truth.drawing.fonts.join(', ')})`,
          );
    }
  } finally {
    await page.close();
  }
  const share = (m: string) => (tally[m] ? round(tally[m].right / tally[m].of) : null);
  // The first reads include loading the models and Tesseract.
  const [koreanMs, latinMs] = [median(times.korean.slice(1)), median(times.latinOnly.slice(1))];
  return {
    cards: count,
    seeds: `${firstSeed}–${firstSeed + count - 1}`,
    fonts: KOREAN_FONTS,
    counts: Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, `${v.right}/${v.of}`])),
    nameExact: share('name'),
    issuerExact: share('issuer'),
    licenseTypeExact: share('licenseType'),
    residentNumberExact: share('residentNumber'),
    residentNumberExactLatinOnly: share('residentNumberLatinOnly'),
    namesMarkedForCheck: marked.right + marked.wrong,
    namesMarkedForCheckThatWereRight: marked.right,
    namesWrongButNotMarked: unmarkedWrong,
    hangulDownloadGzipMB: round((await hangulDownloadBytes()) / 1_000_000),
    idCardReadMs: round(koreanMs, 0),
    idCardReadMsLatinOnly: round(latinMs, 0),
    idCardReadMsOverLatinOnly: round(koreanMs / latinMs),
    targets: TARGETS,
    misses,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [count, first] = process.argv.slice(2).map(Number);
  const browser = await chromium.launch(browserLaunchOptions());
  try {
    console.log(JSON.stringify(await measureKoreanIdCards(browser, count || 60, first || 3001), null, 2));
  } finally {
    await browser.close();
  }
  process.exit(0);
}
