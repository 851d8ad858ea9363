// npm run bench — builds the app, drives it in Chromium and prints one JSON object (also written to
// bench/results.json). Medians over repeated runs; every figure that can be a ratio is one, against a
// baseline measured in the same run, because absolute times on shared machines drift.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import type {} from '../src/app/test-hooks';
import { browserLaunchOptions } from './browser.mjs';
import { measureEnvelope } from './bench-envelope';
import { measureApp } from './bench/app-canvas';
import { measureBatchMemory } from './bench/batch-memory';
import { measureCameraGuidance } from './bench/camera-guidance';
import { measureLabelPlacement } from './bench/label-placement';
import { measureReaderAccuracy } from './bench/reader-accuracy';
import { measureReaderAnchor } from './bench/reader-anchor';
import { serveDirectory } from './bench/static-server';
import { median, round } from './bench/stats';

const root = resolve(import.meta.dirname, '..');
const PORT = 4179;
const APP = `http://127.0.0.1:${PORT}`;
const kb = (bytes: number) => round(bytes / 1024, 1);
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

function vite(args: string[]): void {
  const result = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite ${args.join(' ')} failed`);
}

/**
 * Gzipped JavaScript the first screen loads (entry, its modulepreloads, one language's text), and the sandbox chunk, of the
 * production build: built into a folder of its own, so that dist/ stays whatever the deployer built.
 */
async function bundleFigures() {
  const dist = await mkdtemp(join(tmpdir(), 'cardlens-bundle-'));
  try {
    vite(['build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir']);
    return await measureBundle(dist);
  } finally {
    await rm(dist, { recursive: true, force: true });
  }
}

async function measureBundle(dist: string) {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const size = async (file: string) => gzipSync(await readFile(join(dist, file)), { level: 9 }).length;
  const assets = await readdir(join(dist, 'assets'));
  const total = async (files: string[]) => (await Promise.all(files.map(size))).reduce((a, b) => a + b, 0);
  // The sandbox is its worker's chunk, plus the page's small side of the conversation.
  const worker = assets
    .filter((f) => /^sandbox-worker-[\w-]+\.js$/.test(f) && !f.includes('client'))
    .map((f) => `assets/${f}`);
  const pageSide = assets.filter((f) => /^sandbox-(fetch|worker-client)-/.test(f)).map((f) => `assets/${f}`);
  // The first screen also loads the table of the language it shows (ui/i18n.tsx): counted
  // with the larger one, Korean.
  const tables = assets.filter((f) => /^messages-(en|ko)-[\w-]+\.js$/.test(f)).map((f) => `assets/${f}`);
  if (tables.length !== 2) throw new Error(`expected one text chunk per language, found ${tables.join(', ')}`);
  const tableSizes = await Promise.all(tables.map(size));
  return {
    initialJsGzipKB: kb((await total(initial)) + Math.max(...tableSizes)),
    initialJsTarget: '<= 90',
    sandboxChunkGzipKB: kb(await total([...worker, ...pageSide])),
    sandboxWorkerGzipKB: kb(await total(worker)),
    sandboxLoadedLazily: worker.length === 1 && !initial.some((f) => f.includes('sandbox-')),
  };
}

/** What a drop waits for: nothing, the canvas drawing one card's boxes, or the batch showing N cards done. */
type Until = { boxesOf: string } | { cardsDone: number } | null;

/**
 * Drops files built inside the page onto the drop zone, as a user dragging them would, and waits in
 * the page for `until`. Returns when the drop happened and how long the wait took (performance.now()).
 * Polled every millisecond rather than every frame, so a figure is not rounded up to the next frame.
 * With `afterLoadMs`, the drop waits until that long after the page's load event.
 */
async function dropInPage(
  page: Page,
  sample: string,
  names: string[],
  until: Until = null,
  afterLoadMs: number | null = null,
): Promise<{ start: number; elapsed: number }> {
  return page.evaluate(
    async ({ sample, names, until, afterLoadMs }) => {
      const blob = await (await fetch(`/samples/${sample}`)).blob();
      const transfer = new DataTransfer();
      for (const name of names) transfer.items.add(new File([blob], name, { type: 'image/png' }));
      const zone = document.querySelector('.drop-zone')!;
      const reached = () => {
        if (!until) return true;
        if ('boxesOf' in until) {
          const probe = window.__cardlens!.viewer();
          return probe?.fileName === until.boxesOf && probe.boxesDrawn > 0;
        }
        const shown = /^(\d+)\//.exec(document.querySelector('.batch-progress')?.textContent ?? '')?.[1];
        return Number(shown ?? 0) >= until.cardsDone;
      };
      if (afterLoadMs !== null) {
        const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        const wait = navigation.loadEventEnd + afterLoadMs - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const start = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop'])
        zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      while (!reached()) await new Promise((resolve) => setTimeout(resolve, 1));
      return { start, elapsed: performance.now() - start };
    },
    { sample, names, until, afterLoadMs },
  );
}

const named = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i}.png`);

const doneCount = (page: Page) =>
  page.evaluate(() => Number(/^(\d+)\//.exec(document.querySelector('.batch-progress')?.textContent ?? '')?.[1] ?? 0));

async function openApp(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto(APP);
  // As a visitor's page is by the time they drop a file: sandbox keys made, canvas code loaded.
  await page.evaluate(() => Promise.all([window.__cardlens!.sandbox(), window.__cardlens!.viewerCode()]));
  return page;
}

async function dropToOverlay(browser: Browser) {
  const runs: {
    total: number;
    preflight: number;
    prepare: number;
    encrypt: number;
    request: number;
    decrypt: number;
    draw: number;
  }[] = [];
  // One session, as an operator's: a warm-up drop, then one card after another.
  const page = await openApp(browser);
  for (let run = 0; run < 8; run++) {
    // Boxes drawn: the canvas counts them as it draws this card.
    const name = `hires-${run}.png`;
    const { start, elapsed: total } = await dropInPage(page, 'credit-card-hires.png', [name], { boxesOf: name });
    const probe = (await page.evaluate(() => window.__cardlens!.viewer()))!;
    const preflight = probe.startedAt! - start;
    const t = probe.timings!;
    const draw = total - preflight - t.totalMs;
    if (run > 0)
      // the first run warms up
      runs.push({
        total,
        preflight,
        prepare: t.prepareMs,
        encrypt: t.encryptMs,
        request: t.requestMs,
        decrypt: t.decryptMs,
        draw,
      });
  }
  await page.close();
  const m = (key: keyof (typeof runs)[number]) => round(median(runs.map((r) => r[key])), 1);
  return {
    dropToOverlayMs: m('total'),
    target: '<= 250',
    // Medians of each stage: they need not add up to the median total.
    stagesMs: {
      preflight: m('preflight'),
      prepare: m('prepare'),
      encrypt: m('encrypt'),
      sandboxRequest: m('request'),
      decrypt: m('decrypt'),
      renderAndDraw: m('draw'),
    },
    sampleBytes: (await readFile(join(root, 'public/samples/credit-card-hires.png'))).length,
  };
}

/**
 * The first drop of a first visit: each run a fresh browser context (an empty cache, the service worker
 * installing as on a first visit), the card dropped 500 ms after the load event, timed to its boxes
 * drawn. What the first screen left out must arrive by then or on demand: the viewer, Konva, the
 * client, the sandbox's keys.
 */
async function coldDropToOverlay(browser: Browser) {
  const AFTER_LOAD_MS = 500;
  const runs: { total: number; preflight: number; request: number; draw: number }[] = [];
  for (let run = 0; run < 9; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(APP); // resolves at the load event
    const { start, elapsed: total } = await dropInPage(
      page,
      'credit-card-hires.png',
      ['cold.png'],
      { boxesOf: 'cold.png' },
      AFTER_LOAD_MS,
    );
    const probe = (await page.evaluate(() => window.__cardlens!.viewer()))!;
    const preflight = probe.startedAt! - start;
    runs.push({ total, preflight, request: probe.timings!.totalMs, draw: total - preflight - probe.timings!.totalMs });
    await context.close();
  }
  const m = (key: keyof (typeof runs)[number]) => round(median(runs.map((r) => r[key])), 1);
  return {
    coldDropToOverlayMs: m('total'),
    target: '<= 400',
    dropAfterLoadMs: AFTER_LOAD_MS,
    freshContexts: runs.length,
    // Medians of each stage: they need not add up to the median total. The request includes the
    // sandbox's key pairs when they were not made yet; the draw, the viewer's code when not loaded yet.
    stagesMs: { preflight: m('preflight'), clientAndSandbox: m('request'), renderAndDraw: m('draw') },
    runsMs: runs.map((r) => round(r.total, 1)),
  };
}

async function batchEfficiency(browser: Browser) {
  const page = await openApp(browser);
  const items = 200;
  const latency = 150;
  const concurrency = 4;
  await page.evaluate((ms) => window.__cardlens!.sandbox().then((c) => c.setFaults({ latencyMs: ms })), latency);
  await dropInPage(page, 'credit-card-low-res.png', ['warm.png'], { boxesOf: 'warm.png' });
  await page
    .getByRole('tab', { name: /^Batch/ })
    .click()
    .catch(() => undefined);
  await page.getByLabel('Concurrency').fill(String(concurrency));
  const before = await doneCount(page);
  // Timed in the page, from the drop to the progress line showing every card done.
  const { elapsed: actual } = await dropInPage(page, 'credit-card-low-res.png', named('batch', items), {
    cardsDone: before + items,
  });
  const ideal = Math.ceil(items / concurrency) * latency;
  await page.close();
  return {
    items,
    latencyMs: latency,
    concurrency,
    idealMs: ideal,
    actualMs: round(actual, 0),
    batchEfficiency: round(ideal / actual),
    target: '>= 0.9',
  };
}

async function heap(browser: Browser) {
  const page = await openApp(browser);
  const cdp = await page.context().newCDPSession(page);
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  };
  await page
    .getByLabel('Concurrency')
    .fill('8')
    .catch(() => undefined);
  const fill = async (total: number) => {
    const before = await doneCount(page);
    await dropInPage(page, 'credit-card-low-res.png', named(`h${total}`, total - before));
    await page
      .getByRole('tab', { name: /^Batch/ })
      .click()
      .catch(() => undefined);
    await page.getByLabel('Concurrency').fill('8');
    while ((await doneCount(page)) < total) await page.waitForTimeout(200);
  };
  await fill(50);
  const at50 = await used();
  await fill(500);
  const at500 = await used();
  await page.close();
  return {
    heapAt50MB: round(at50 / 2 ** 20, 1),
    heapAt500MB: round(at500 / 2 ** 20, 1),
    growthMB: round((at500 - at50) / 2 ** 20, 1),
    target: '<= 60',
  };
}

async function overlay(browser: Browser) {
  const outDir = await mkdtemp(join(tmpdir(), 'cardlens-overlay-'));
  await build({
    root: join(root, 'scripts/bench/overlay-harness'),
    logLevel: 'warn',
    configFile: false,
    plugins: [react()],
    resolve: { alias: { '@': join(root, 'src') } },
    define: { __DEV_PROXY_PATH__: '"/nhn-ocr"' },
    build: { outDir, emptyOutDir: true },
  });
  const server = await serveDirectory(outDir);
  try {
    // Wide enough to show the stage and the bare canvas side by side: both are composited alike.
    const page = await browser.newPage({ viewport: { width: 2600, height: 820 } });
    await page.goto(server.url);
    await page.waitForFunction(() => document.title === 'ready', null, { timeout: 60_000 });
    type Only = Partial<Record<'boxes' | 'labels', boolean>>;
    type Bench = {
      firstDraw: (runs: number, only?: Only) => Promise<Timings>;
      plainOverlay: (runs: number) => Promise<{ withOverlay: number[]; plain: number[] }>;
      frames: () => Promise<Timings>;
    };
    type Timings = { konva: number[]; plain: number[] };
    // The first run of each warms up.
    const ratio = (ours: number[], plain: number[]) => round(median(ours.slice(1)) / median(plain.slice(1)));
    const first = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.firstDraw(15));
    // The same first draw with parts of the overlay switched off, through the viewer's own layer toggles.
    const parts: Record<string, Only> = {
      photoOnly: {},
      boxesOnly: { boxes: true },
      labelsOnly: { labels: true },
    };
    const breakdown: Record<string, number> = {};
    for (const [name, only] of Object.entries(parts)) {
      const t = await page.evaluate((only) => (window as unknown as { bench: Bench }).bench.firstDraw(15, only), only);
      breakdown[name] = ratio(t.konva, t.plain);
    }
    // The same overlay routine on a plain canvas: what the look itself costs, before React and Konva.
    const onPlain = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.plainOverlay(15));
    const frames = await page.evaluate(() => (window as unknown as { bench: Bench }).bench.frames());
    const [k50, k95, b50, b95] = [
      percentile(frames.konva, 0.5),
      percentile(frames.konva, 0.95),
      percentile(frames.plain, 0.5),
      percentile(frames.plain, 0.95),
    ];
    return {
      photo: '6000×4000 (24 MP), 50 boxes with labels, viewport 1280×800',
      overlayFirstDrawRatio: ratio(first.konva, first.plain),
      firstDrawMs: {
        konva: round(median(first.konva.slice(1)), 1),
        bareDrawImage: round(median(first.plain.slice(1)), 1),
      },
      firstDrawTarget: '<= 1.5',
      firstDrawRatioWithOnly: breakdown,
      overlayOnPlainCanvasRatio: ratio(onPlain.withOverlay, onPlain.plain),
      panZoomFrames: {
        frames: frames.konva.length,
        konvaMs: { p50: round(k50, 2), p95: round(k95, 2) },
        bareMs: { p50: round(b50, 2), p95: round(b95, 2) },
        p50Ratio: round(k50 / b50),
        p95Ratio: round(k95 / b95),
        target: '<= 1.5',
      },
    };
  } finally {
    await server.close();
    await rm(outDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- overlay batch` runs only the sections named; the bundle figures always come first. */
async function main(only: string[]): Promise<void> {
  const bundle = await bundleFigures();
  // The build with the test hook goes to dist-e2e/ and is served from there (vite.config.ts).
  vite(['build', '--mode', 'e2e', '--logLevel', 'warn']);
  const preview = spawn(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--mode',
      'e2e',
      '--host',
      '127.0.0.1',
      '--port',
      String(PORT),
      '--strictPort',
    ],
    { cwd: root, stdio: 'ignore' },
  );
  const browser = await chromium.launch(browserLaunchOptions());
  try {
    for (let i = 0; i < 50; i++) {
      if (
        await fetch(APP).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const sections = {
      envelope: () => measureEnvelope(browser),
      dropToOverlay: () => dropToOverlay(browser),
      coldDropToOverlay: () => coldDropToOverlay(browser),
      overlay: () => overlay(browser),
      app: () => measureApp(browser, APP),
      batch: () => batchEfficiency(browser),
      heap: () => heap(browser),
      batchMemory: () => measureBatchMemory(browser, APP),
      reader: () => measureReaderAccuracy(browser),
      readerAnchor: () => measureReaderAnchor(browser),
      labels: () => measureLabelPlacement(),
      camera: () => measureCameraGuidance(),
    };
    const results: Record<string, unknown> = {
      benchmark: 'cardlens',
      date: new Date().toISOString(),
      browser: `Chromium ${browser.version()}`,
      machine: `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}`,
      bundle,
    };
    for (const [name, run] of Object.entries(sections))
      if (only.length === 0 || only.includes(name)) results[name] = await run();
    const text = JSON.stringify(results, null, 2);
    await mkdir(join(root, 'bench'), { recursive: true });
    const file = only.length === 0 ? 'results.json' : `results-${only.join('-')}.json`;
    await writeFile(join(root, 'bench', file), text + '\n');
    console.log(text);
  } finally {
    await browser.close();
    preview.kill();
  }
}

await main(process.argv.slice(2));
