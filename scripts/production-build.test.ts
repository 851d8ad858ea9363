import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

// The e2e build exposes every unmasked value through window.__cardlens; a deployable build must not,
// whatever the shell that builds it has in its environment.
it('a production build holds no test hook, even with VITE_TEST_HOOKS=true in the environment', async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'cardlens-build-'));
  const saved = { hooks: process.env.VITE_TEST_HOOKS, nodeEnv: process.env.NODE_ENV };
  process.env.VITE_TEST_HOOKS = 'true';
  process.env.NODE_ENV = 'production'; // as `vite build` has it; Vitest sets 'test'
  try {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true },
    });
    const files = (await readdir(outDir, { recursive: true })).filter((f) => /\.(m?js|html)$/.test(f));
    expect(files.filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1);
    const hooked: string[] = [];
    for (const file of files)
      if ((await readFile(join(outDir, file), 'utf8')).includes('__cardlens')) hooked.push(file);
    expect(hooked).toEqual([]);
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
