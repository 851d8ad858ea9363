import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// One production build, as `vite build` makes it, checked for two promises: it holds no test hook,
// whatever the environment, and its first screen loads only what it shows.

// What the first screen must not load, so that it paints fast: the screens after it come in chunks of their own,
// fetched when shown or while the browser is idle (src/app/views.tsx). Module ids, relative to the root.
const DEFERRED: [string, RegExp][] = [
  ['Konva', /^node_modules\/(konva|react-konva)\//],
  ['preflight and the decoders', /^src\/images\/(?!image-meta\.ts$)/],
  ['the table’s order', /^src\/engine\/(queue\/result-rows|engine-code)\.ts$/],
  ['the result codes’ messages', /^src\/api\/result-codes\.ts$/],
  ['the second read’s comparisons', /^src\/model\/second-read\//],
  ['the UI text (chunks per language)', /^src\/model\/text\/(more-)?messages-(en|ko)\.ts$/],
  ['the viewer', /^src\/features\/viewer\//],
  [
    'the batch table',
    /^src\/features\/analyze\/batch-panel\.tsx$|^node_modules\/@tanstack\/(react-virtual|virtual-core)\//,
  ],
  ['the report', /^src\/features\/(review\/(report-view|session-controls)|viewer\/review-bar)\.tsx$/],
  ['the connection panel', /^src\/features\/connection\/connection-panel\.tsx$/],
  ['the queue’s list of cards, which comes with the first card', /^src\/features\/analyze\/queue-list\.tsx$/],
  [
    'the left column’s later notices',
    /^src\/app\/(update-prompt|reader-download)\.tsx$|^src\/features\/analyze\/connection-change-prompt\.tsx$/,
  ],
  ['the rules', /^src\/model\/(rules|card-view)\//],
  ['TanStack Query', /^node_modules\/@tanstack\/query-core\//],
  ['the envelope', /^src\/envelope\//],
  ['the on-device reader’s client, which comes with the first read', /^src\/reader-service\/reader-client\.ts$/],
  ['valibot', /^node_modules\/valibot\//],
];

/** A module's path from the root, or from node_modules/ for a package's. */
const moduleName = (id: string) => {
  const path = id.replace(/\?.*$/, '');
  const inPackage = path.lastIndexOf('/node_modules/');
  return inPackage >= 0 ? path.slice(inPackage + 1) : relative(root, path);
};

/** Module ids by chunk file name, and which chunks the entry loads before anything renders. */
let chunks: Map<string, { modules: string[]; imports: string[]; isEntry: boolean }>;
/** Built JavaScript and HTML files that hold the e2e test hook. */
let hooked: string[];
/** The sizes of the files the on-device reader fetches, as built. */
let readerFiles: Map<string, number>;

beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'cardlens-build-'));
  const saved = { hooks: process.env.VITE_TEST_HOOKS, nodeEnv: process.env.NODE_ENV };
  // The e2e build exposes every unmasked value through window.__cardlens; this one must not, even
  // with the variable set in the shell that builds it.
  process.env.VITE_TEST_HOOKS = 'true';
  process.env.NODE_ENV = 'production'; // as `vite build` has it; Vitest sets 'test'
  chunks = new Map();
  const record: Plugin = {
    name: 'record-chunks',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk') continue;
        const modules = Object.keys(file.modules).map(moduleName);
        chunks.set(file.fileName, { modules, imports: file.imports, isEntry: file.isEntry });
      }
    },
  };
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      plugins: [record],
      build: { outDir, emptyOutDir: true },
    });
    // Read from the disk: the workers' chunks are built apart from the page's.
    const files = (await readdir(outDir, { recursive: true })).filter((f) => /\.(m?js|html)$/.test(f));
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    readerFiles = new Map();
    for (const file of await readdir(join(outDir, 'assets')))
      if (/\.(?:wasm|onnx|txt)$/.test(file)) readerFiles.set(file, (await stat(join(outDir, 'assets', file))).size);
    hooked = [];
    for (const file of files)
      if ((await readFile(join(outDir, file), 'utf8')).includes('__cardlens')) hooked.push(file);
  } finally {
    for (const [key, value] of [
      ['VITE_TEST_HOOKS', saved.hooks],
      ['NODE_ENV', saved.nodeEnv],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await rm(outDir, { recursive: true, force: true });
  }
}, 180_000);

it('holds no test hook, even with VITE_TEST_HOOKS=true in the environment', () => {
  expect(hooked).toEqual([]);
});

it('says the reader’s download is the size of the reader’s files it serves, to the byte', () => {
  const plain = (file: string) => file.replace(/-[\w-]{8}(\.[a-z]+)$/, '$1');
  expect([...readerFiles.keys()].map(plain).sort()).toEqual([
    'ch_PP-OCRv4_det_infer.f16.onnx',
    'ch_PP-OCRv4_rec_infer.f16.onnx',
    'ort-wasm-simd-threaded.asyncify.wasm',
    'ort-wasm-simd-threaded.wasm',
    'ppocr_keys_v1.txt',
  ]);
  // A device fetches one runtime: the WebAssembly build's, or, with a GPU, the WebGPU build's.
  const fetchedWith = (runtime: string) =>
    [...readerFiles]
      .filter(([file]) => !plain(file).startsWith('ort-wasm') || plain(file) === runtime)
      .reduce((sum, [, size]) => sum + size, 0);
  expect(fetchedWith('ort-wasm-simd-threaded.wasm')).toBe(__READER_DOWNLOAD_BYTES__);
  expect(fetchedWith('ort-wasm-simd-threaded.asyncify.wasm')).toBe(__READER_GPU_DOWNLOAD_BYTES__);
});

afterAll(() => chunks.clear());

function firstScreenModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    chunks.get(file)?.imports.forEach(visit);
  };
  for (const [file, chunk] of chunks) if (chunk.isEntry) visit(file);
  return [...seen].flatMap((file) => chunks.get(file)?.modules ?? []);
}

it.each(DEFERRED)('%s is built, but not in the first screen’s chunks', (_name, pattern) => {
  const all = [...chunks.values()].flatMap((chunk) => chunk.modules);
  expect(all.filter((id) => pattern.test(id)).length).toBeGreaterThan(0);
  expect(firstScreenModules().filter((id) => pattern.test(id))).toEqual([]);
});

it('the first screen’s own code is in its chunks', () => {
  const first = firstScreenModules();
  expect(first).toContain('src/main.tsx');
  expect(first).toContain('src/features/analyze/drop-zone.tsx');
  expect(first).toContain('src/app/shell.tsx');
  // The engine and the queue are the first screen's: the left column is drawn once, with the queue in it
  // (its list of cards arrives with the first card).
  expect(first).toContain('src/engine/cardlens.ts');
  expect(first).toContain('src/engine/queue/queue-store.ts');
  expect(first).toContain('src/features/analyze/empty-queue.tsx');
});

it('each language’s text is in chunks of its own, so the first screen loads only the one it shows', () => {
  for (const table of ['messages-en', 'messages-ko', 'more-messages-en', 'more-messages-ko']) {
    const module = `src/model/text/${table}.ts`;
    const holding = [...chunks.values()].filter((chunk) => chunk.modules.includes(module));
    expect(holding.map((chunk) => chunk.modules)).toEqual([[module]]);
  }
});

// The first paint waits only for the first screen's part of the text (i18n.tsx); a key of the rest
// would read as nothing until it arrives.
it('the first screen’s code asks only for the first screen’s text', async () => {
  const { EN_MORE } = await import('../src/model/text/more-messages-en');
  const sources = firstScreenModules().filter((id) => id.startsWith('src/'));
  expect(sources.length).toBeGreaterThan(20);
  const asked = new Set<string>();
  for (const id of sources) {
    const text = await readFile(join(root, id), 'utf8');
    for (const match of text.matchAll(/'([A-Za-z0-9]+)'/g)) if (match[1] in EN_MORE) asked.add(`${id}: ${match[1]}`);
  }
  expect([...asked]).toEqual([]);
});
