import { describe, expect, it } from 'vitest';
import type { Plugin, UserConfig } from 'vite';
import config, {
  BARREL,
  contentSecurityPolicy,
  ISOLATION_HEADERS,
  parseConnectSrc,
  TEST_HOOK_MARKER,
  testHookGuard,
} from '../vite.config';

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

describe('CARDLENS_CONNECT_SRC', () => {
  it('takes a space-separated list of origins', () => {
    expect(parseConnectSrc('https://ocr-proxy.example.com')).toEqual(['https://ocr-proxy.example.com']);
    expect(
      parseConnectSrc(' https://a.example.com:8443  http://127.0.0.1:*\twss://*.example.org ws://localhost:8080 '),
    ).toEqual(['https://a.example.com:8443', 'http://127.0.0.1:*', 'wss://*.example.org', 'ws://localhost:8080']);
  });

  it('may be empty: the page connects to its own origin only', () => {
    expect(parseConnectSrc('')).toEqual([]);
    expect(parseConnectSrc('   ')).toEqual([]);
    expect(contentSecurityPolicy('')).toContain("connect-src 'self'; object-src");
  });

  it.each([
    ["https://a.example.com; script-src 'unsafe-inline'", 1, /";" would start another directive/],
    ['https://a.example.com;', 1, /";"/],
    ["https://a.example.com 'unsafe-inline'", 2, /quoted keywords/],
    ["'self'", 1, /quoted keywords/],
    ['"https://a.example.com"', 1, /quoted keywords/],
    ['https://a.example.com/', 1, /no path/],
    ['https://a.example.com/v2.0/appkeys', 1, /no path/],
    ['https://a.example.com?x=1', 1, /no path/],
    ['https://a.example.com,https://b.example.com', 1, /spaces, not commas/],
    ['a.example.com', 1, /scheme:\/\/host/],
    ['ftp://a.example.com', 1, /scheme:\/\/host/],
    ['data:', 1, /scheme:\/\/host/],
    ['*', 1, /scheme:\/\/host/],
    ['https://*', 1, /scheme:\/\/host/],
    ['https://a.*.example.com', 1, /scheme:\/\/host/],
    ['https://a.example.com:99999', 1, /scheme:\/\/host/],
    ['https://a..example.com', 1, /scheme:\/\/host/],
  ])('refuses %j, naming entry %i', (value, entry, why) => {
    expect(() => parseConnectSrc(value)).toThrow(new RegExp(`entry ${entry}, `));
    expect(() => parseConnectSrc(value)).toThrow(why);
  });

  it('never lets a value add a directive to the policy', () => {
    expect(() => contentSecurityPolicy("https://a.example.com; script-src 'unsafe-inline'")).toThrow(
      /CARDLENS_CONNECT_SRC entry 1, "https:\/\/a\.example\.com;"/,
    );
  });

  it('puts the default list into connect-src', () => {
    expect(contentSecurityPolicy()).toContain(
      "connect-src 'self' https://api-ocr.nhncloudservice.com https://ocr.api.nhncloudservice.com http://127.0.0.1:* http://localhost:*;",
    );
  });
});

describe('BARREL', () => {
  it('names the indexes of the features and the API, nothing else', () => {
    expect(BARREL.test('/repo/src/features/analyze/index.ts')).toBe(true);
    expect(BARREL.test('/repo/src/features/viewer/index.ts')).toBe(true);
    expect(BARREL.test('/repo/src/api/index.ts')).toBe(true);
    expect(BARREL.test('/repo/src/envelope/index.ts')).toBe(false); // runs code of its own
    expect(BARREL.test('/repo/src/features/analyze/drop-zone.tsx')).toBe(false);
    expect(BARREL.test('/repo/node_modules/pkg/src/api/index.ts')).toBe(false);
  });
});

describe('cross-origin isolation', () => {
  it('is what the dev server and `vite preview` send with every answer', async () => {
    const resolved = await (config as (env: { mode: string; command: 'serve' }) => Promise<UserConfig> | UserConfig)({
      mode: 'development',
      command: 'serve',
    });
    expect(resolved.server?.headers).toEqual(ISOLATION_HEADERS);
    expect(resolved.preview?.headers).toEqual(ISOLATION_HEADERS);
  });

  it('opens no window to another origin and embeds with credentialless', () => {
    expect(ISOLATION_HEADERS).toEqual({
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'credentialless',
    });
  });
});
