import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { TEST_HOOK_MARKER, testHookGuard } from '../vite.config';

type Output = { type: 'chunk'; fileName: string; code: string } | { type: 'asset'; fileName: string; source: unknown };

/** Runs the guard's generateBundle over a fake bundle, as Vite would at the end of a build. */
function runGuard(mode: string, files: Output[]): void {
  const hook = testHookGuard(mode).generateBundle as unknown as (
    this: { error: (message: string) => never },
    options: unknown,
    bundle: Record<string, Output>,
  ) => void;
  const context = {
    error: (message: string): never => {
      throw new Error(message);
    },
  };
  hook.call(context, {}, Object.fromEntries(files.map((f) => [f.fileName, f])));
}

describe('the test-hook guard', () => {
  const hooked: Output = { type: 'chunk', fileName: 'assets/index-abc.js', code: `window.${TEST_HOOK_MARKER}={api:1}` };
  const clean: Output = { type: 'chunk', fileName: 'assets/index-abc.js', code: 'console.log(1)' };

  it('fails a production build whose chunk holds the hook, naming the file', () => {
    expect(() => runGuard('production', [clean, { ...hooked, fileName: 'assets/app.js' }])).toThrow(
      /assets\/app\.js contains the e2e test hook/,
    );
  });

  it('also looks in emitted scripts (workers) and the HTML', () => {
    const source = new TextEncoder().encode(`self.${TEST_HOOK_MARKER}=1`);
    expect(() => runGuard('production', [{ type: 'asset', fileName: 'assets/w.js', source }])).toThrow(/w\.js/);
    expect(() =>
      runGuard('staging', [{ type: 'asset', fileName: 'index.html', source: `<i>${TEST_HOOK_MARKER}</i>` }]),
    ).toThrow(/index\.html/);
  });

  it('lets a clean build and the e2e build through', () => {
    expect(() => runGuard('production', [clean])).not.toThrow();
    expect(() => runGuard('e2e', [hooked])).not.toThrow();
  });

  it('applies to builds only', () => {
    expect((testHookGuard('production') satisfies Plugin).apply).toBe('build');
  });
});
