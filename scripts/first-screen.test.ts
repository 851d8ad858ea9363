import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// What the first screen must not load (issue #17): the screens after it come in chunks of their own,
// fetched when shown or while the browser is idle (src/app/deferred.tsx). Module ids, relative to the root.
const DEFERRED: [string, RegExp][] = [
  ['Konva', /^node_modules\/(konva|react-konva)\//],
  ['the viewer', /^src\/features\/viewer\/(?!index\.ts$|display-decode\.ts$)/],
  [
    'the batch table',
    /^src\/features\/analyze\/batch-panel\.tsx$|^node_modules\/@tanstack\/(react-virtual|virtual-core)\//,
  ],
  ['the report', /^src\/features\/review\/(report-view|session-controls|review-bar)\.tsx$/],
  ['the connection panel', /^src\/features\/connection\/connection-panel\.tsx$/],
  ['the rules', /^src\/features\/(rules|card-view)\//],
  ['TanStack Query', /^node_modules\/@tanstack\/query-core\//],
  ['the envelope', /^src\/envelope\//],
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

beforeAll(async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'cardlens-first-screen-'));
  const savedNodeEnv = process.env.NODE_ENV;
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
  } finally {
    if (savedNodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = savedNodeEnv;
    await rm(outDir, { recursive: true, force: true });
  }
}, 180_000);

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
  expect(first).toContain('src/features/viewer/display-decode.ts');
});
