import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  addIsolationHeaders,
  DEV_PROXY_PATH,
  type FetchScope,
  ISOLATION_HEADERS,
  isReaderAsset,
  pwaOptions,
  READER_CACHE,
  refuseCredentials,
  SW_ISOLATION_SCRIPT,
} from '../vite.config';

// workbox-build copies these functions' source into sw.js: test them as rebuilt from their source in an
// empty context, so a function that leaned on anything outside itself fails here, not in the worker.
const rebuilt = <T>(fn: T): T => runInNewContext(`(${String(fn)})`) as T;
const matches = rebuilt(isReaderAsset);
const cacheWillUpdate = rebuilt(refuseCredentials.cacheWillUpdate);

const ORIGIN = 'https://cardlens.example.com';
function match(url: string, init: RequestInit = {}): boolean {
  const parsed = new URL(url, ORIGIN);
  return matches({ url: parsed, request: new Request(parsed, init), sameOrigin: parsed.origin === ORIGIN });
}

describe('what the service worker caches at run time', () => {
  it('takes the reader’s runtime, models and character list from this origin’s /assets/', () => {
    for (const path of [
      '/assets/ort-wasm-simd-threaded-DcHrbrbl.wasm',
      '/assets/ort-wasm-simd-threaded-Ab12Cd34.mjs',
      '/assets/ch_PP-OCRv4_det_infer-DNKywHAZ.onnx',
      // The models as the build ships them, with float16 weights (scripts/compact-models-plugin.ts).
      '/assets/ch_PP-OCRv4_det_infer.f16-Bssme71p.onnx',
      '/assets/ppocr_keys_v1-vA51VXJE.txt',
    ])
      expect(match(path), path).toBe(true);
  });

  it('takes the Korean recogniser’s data, WebAssembly core and worker script the same way', () => {
    for (const path of [
      '/assets/kor.traineddata-B2x9Qk1a.gz',
      '/assets/tesseract-core-simd-lstm.wasm-C3d4E5f6.js',
      '/assets/worker.min-D7e8F9a0.js',
    ])
      expect(match(path), path).toBe(true);
    expect(match('/assets/reader-worker-Ab12Cd34.js')).toBe(false);
  });

  it('takes onnxruntime-web’s WebGPU build, which only a device with a GPU fetches, the same way', () => {
    for (const path of [
      '/assets/ort.webgpu.bundle.min-Cz_yRWML.js',
      '/assets/ort-wasm-simd-threaded.asyncify-B1c2D3e4.wasm',
    ])
      expect(match(path), path).toBe(true);
  });

  it('never takes an OCR endpoint, whatever its path looks like', () => {
    for (const url of [
      `${DEV_PROXY_PATH}/v2.0/appkeys/k/public-keys/credit-card`,
      `${DEV_PROXY_PATH}/assets/model.onnx`,
      'https://api-ocr.nhncloudservice.com/v2.0/appkeys/k/public-keys/credit-card',
      'https://ocr.api.nhncloudservice.com/assets/model.onnx',
      'http://127.0.0.1:8787/assets/ppocr_keys_v1-vA51VXJE.txt',
      'https://ocr-proxy.example.com/assets/x.wasm',
    ])
      expect(match(url), url).toBe(false);
  });

  it('takes GETs only, and nothing else of the app (the precache has that)', () => {
    expect(match('/assets/model.onnx', { method: 'POST', body: 'x' })).toBe(false);
    for (const path of ['/', '/index.html', '/assets/index-abc.js', '/samples/credit-card.png', '/assets/sub/x.onnx'])
      expect(match(path), path).toBe(false);
  });

  it('refuses to store a request that carries a credential header, in any case of its name', async () => {
    const response = new Response('x');
    for (const name of ['Authorization', 'X-NHN-Authorization', 'Symmetric-Key', 'symmetric-key']) {
      const request = new Request(`${ORIGIN}/assets/x.onnx`, { headers: { [name]: 'secret' } });
      expect(await cacheWillUpdate({ request, response }), name).toBeNull();
    }
    const plain = new Request(`${ORIGIN}/assets/x.onnx`, { headers: { Accept: '*/*' } });
    expect(await cacheWillUpdate({ request: plain, response })).toBe(response);
  });

  it('puts the reader’s files in their own cache, behind the credential check', () => {
    const [rule, ...others] = pwaOptions().workbox!.runtimeCaching!;
    expect(others).toEqual([]);
    expect(rule.urlPattern).toBe(isReaderAsset);
    expect(rule.options?.cacheName).toBe(READER_CACHE);
    expect(rule.options?.plugins).toContain(refuseCredentials);
  });
});

describe('what the service worker precaches and answers', () => {
  const workbox = pwaOptions().workbox!;

  it('precaches no file type of the reader’s (they are cached on first use)', () => {
    expect(workbox.globPatterns!.join(' ')).not.toMatch(/wasm|onnx|txt|mjs|gz/);
    expect(workbox.globIgnores).toEqual(
      expect.arrayContaining(['assets/tesseract-core*.js', 'assets/worker.min-*.js']),
    );
  });

  it('answers no navigation to the Dev proxy with the app', () => {
    const deny = (path: string) => workbox.navigateFallbackDenylist!.some((re) => re.test(path));
    expect(deny(DEV_PROXY_PATH)).toBe(true);
    expect(deny(`${DEV_PROXY_PATH}/v2.0/appkeys/k/public-keys/id-card`)).toBe(true);
    expect(deny('/')).toBe(false);
    expect(deny('/nhn-ocr-notes')).toBe(false);
  });
});

describe('the service worker’s answers', () => {
  type Listener = Parameters<FetchScope['addEventListener']>[1];
  /** addIsolationHeaders as sw.js runs it (its source, in a context with only what a worker has), then Workbox's handler. */
  async function answer(request: Request, workboxAnswer: Response): Promise<Response> {
    const listeners: Listener[] = [];
    const scope: FetchScope = { addEventListener: (_type, listener) => listeners.push(listener) };
    const add = runInNewContext(`(${String(addIsolationHeaders)})`, {
      Headers,
      Response,
    }) as typeof addIsolationHeaders;
    add(scope, ISOLATION_HEADERS);
    let given: Promise<Response> | undefined;
    const event = {
      request,
      respondWith: (answer: Response | PromiseLike<Response>) => void (given = Promise.resolve(answer)),
    };
    for (const listener of listeners) listener(event);
    event.respondWith(workboxAnswer); // Workbox's own handler, registered after
    return given!;
  }
  const navigation = (url: string) => {
    const request = new Request(new URL(url, ORIGIN));
    Object.defineProperty(request, 'mode', { value: 'navigate' });
    return request;
  };
  const worker = (url: string) => {
    const request = new Request(new URL(url, ORIGIN));
    Object.defineProperty(request, 'destination', { value: 'worker' });
    return request;
  };
  const cachedPage = () =>
    new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html', 'Cache-Control': 'no-cache' } });

  it('carry the isolation headers on a page from the cache, whatever the server sent when it was cached', async () => {
    const page = await answer(navigation('/'), cachedPage());
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) expect(page.headers.get(name), name).toBe(value);
    expect(page.headers.get('Content-Type')).toBe('text/html');
    expect(page.headers.get('Cache-Control')).toBe('no-cache');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<!doctype html>');
  });

  it('carry them on a worker’s script too, which will not start under an isolated page without them', async () => {
    const script = await answer(worker('/assets/reader-worker-abc.js'), new Response('self.onmessage=null'));
    expect(script.headers.get('Cross-Origin-Embedder-Policy')).toBe(ISOLATION_HEADERS['Cross-Origin-Embedder-Policy']);
  });

  it('leave everything else as Workbox answers it', async () => {
    const image = new Response('png');
    expect(await answer(new Request(`${ORIGIN}/samples/credit-card.png`), image)).toBe(image);
    const opaque = Response.error();
    expect(await answer(navigation('/'), opaque)).toBe(opaque);
  });

  it('is imported by sw.js', () => {
    expect(pwaOptions().workbox!.importScripts).toEqual([SW_ISOLATION_SCRIPT]);
  });
});

describe('deploy/nginx.conf and the service worker', () => {
  // Cache-Control is set by the location that answers (scripts/deploy-config.test.ts): a year only in
  // /assets/, revalidation everywhere else by default.
  const conf = readFileSync('deploy/nginx.conf', 'utf8');
  const defaultValue = /^ {4}set \$cardlens_cache_control "([^"]+)";/m.exec(conf)![1];
  const cachedForAYear = (uri: string) => uri.startsWith('/assets/');

  it('revalidates the service worker, its Workbox runtime and the manifest on every visit', () => {
    expect(defaultValue).toBe('no-cache');
    for (const uri of ['/sw.js', '/sw.js?v=2', '/workbox-398fc23b.js', '/manifest.webmanifest', '/index.html'])
      expect(cachedForAYear(uri), uri).toBe(false);
    expect(conf).toMatch(
      /^ {4}location = \/manifest\.webmanifest \{\n {8}default_type application\/manifest\+json;\n {4}\}/m,
    );
  });

  it('still keeps hashed assets and the reader’s files for a year', () => {
    const assets = /^ {4}location \/assets\/ \{\n {8}set \$cardlens_cache_control "([^"]+)";/m.exec(conf)![1];
    expect(assets).toBe('public, max-age=31536000, immutable');
    for (const uri of ['/assets/index-abc.js', '/assets/ch_PP-OCRv4_det_infer-DNKywHAZ.onnx'])
      expect(cachedForAYear(uri), uri).toBe(true);
  });
});
