import { expect, test } from '@playwright/test';
import { thumbnailFile } from '../src/model/sample-paths';
import { READER_CACHE } from '../vite.config';
import { CardlensPage, manifest, quadCount } from './support/cardlens-page';
import { drawCardPhoto } from './support/card-photo';
import { resetSandbox, SANDBOX_URL, sandboxLog } from './support/sandbox-server';
import { cachedRequests, controlled, ocrRequests, withCredentials } from './support/service-worker';

// The production build's service worker (vite.config.ts, pwaOptions). The other specs run without one
// (playwright.config.ts); these are about it.
test.use({ serviceWorkers: 'allow' });

const pathOf = (url: string) => new URL(url).pathname;

/** The reader's files by what they are, whatever their names and hashes. */
const READER_FILES: [string, RegExp][] = [
  ['runtime', /\.wasm$/],
  ['detector', /det_infer[^/]*\.onnx$/],
  ['recogniser', /rec_infer[^/]*\.onnx$/],
  ['characters', /ppocr_keys[^/]*\.txt$/],
];
const readerFile = (path: string) => READER_FILES.find(([, pattern]) => pattern.test(path))?.[0] ?? path;

test('after one visit the app opens with no network, runs a specimen and reads a new photo on this device', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const app = new CardlensPage(page);
  const specimen = manifest.samples.find((entry) => entry.file === 'credit-card.png')!;

  await app.open();
  await controlled(page);
  await app.analyseSample(specimen.title.en);
  await app.waitForDone(specimen.file);
  // The reader is used once while online, which caches its runtime and models.
  await app.drop([
    { name: 'online.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '5555555555554444', '11/28') },
  ]);
  await app.waitForDone('online.png');

  // Precached: the shell, every specimen, its thumbnail and the manifest, and none of the reader's big files.
  const precached = (await cachedRequests(page))
    .filter((r) => r.cache.startsWith('workbox-precache'))
    .map((r) => pathOf(r.url));
  for (const entry of manifest.samples)
    expect(precached).toEqual(
      expect.arrayContaining([`/samples/${entry.file}`, `/samples/${thumbnailFile(entry.file)}`]),
    );
  expect(precached).toEqual(expect.arrayContaining(['/index.html', '/samples/manifest.json', '/manifest.webmanifest']));
  expect(precached.filter((path) => /\.(?:wasm|onnx|txt)$/.test(path))).toEqual([]);
  // Cached on first use: exactly the reader's four files (each is written just after its answer, so poll).
  await expect
    .poll(async () =>
      (await cachedRequests(page))
        .filter((r) => r.cache === READER_CACHE)
        .map((r) => readerFile(pathOf(r.url)))
        .sort(),
    )
    .toEqual(['characters', 'detector', 'recogniser', 'runtime']);

  const failed: string[] = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  await context.setOffline(true);
  const reloaded = await page.reload();
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  // The page came from the service worker's cache, isolated as the server sends it.
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

  await app.analyseSample(specimen.title.en);
  await app.waitForDone(specimen.file);
  await expect.poll(async () => (await app.viewer())?.boxesDrawn).toBe(quadCount(specimen));

  await app.drop([
    { name: 'offline.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '4012888888881881', '07/29') },
  ]);
  await app.waitForDone('offline.png');
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  const probe = await app.settledViewer();
  const value = (key: string) => probe.fields.filter((f) => f.key === key).map((f) => f.value);
  expect(value('cardNum')).toEqual(['4012', '8888', '8888', '1881']);
  expect(value('validThru')).toEqual(['07/29']);
  expect(probe.fields.filter((f) => ['cardNum', 'validThru'].includes(f.key)).every((f) => f.quad)).toBe(true);
  expect(probe.boxesDrawn).toBeGreaterThanOrEqual(5);

  expect(failed).toEqual([]);
  expect(app.problems).toEqual([]);
  expect(await app.cspViolations()).toEqual([]);
});

test('a page cached before its server sent the isolation headers still opens isolated from the service worker', async ({
  page,
  context,
}) => {
  const app = new CardlensPage(page);
  await app.open();
  await controlled(page);
  // The precached page, stored again as a server that sent no isolation headers would have had it.
  const stripped = await page.evaluate(async () => {
    const names: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        if (new URL(request.url).pathname !== '/index.html') continue;
        const response = (await cache.match(request))!;
        const headers = new Headers(response.headers);
        headers.delete('Cross-Origin-Opener-Policy');
        headers.delete('Cross-Origin-Embedder-Policy');
        await cache.put(request, new Response(await response.blob(), { status: response.status, headers }));
        names.push(name);
      }
    }
    return names;
  });
  expect(stripped).toHaveLength(1);

  await context.setOffline(true);
  const reloaded = await page.reload();
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  expect(app.problems).toEqual([]);
});

test('a run against the sandbox server leaves no OCR request and no credential in any cache', async ({ page }) => {
  await resetSandbox();
  const app = new CardlensPage(page);
  await app.open();
  // Under the worker from here on, so every request below passes it.
  await controlled(page);
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText('2048 bit')).toHaveCount(2);
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  await app.analyseSample('Resident registration card');
  await app.waitForDone('id-resident.png');
  // The calls went to the server, with their headers, and were answered.
  const { log } = await sandboxLog();
  expect(log.filter((e) => e.method === 'GET' && e.resultCode === 0).length).toBeGreaterThanOrEqual(2);
  expect(log.filter((e) => e.method === 'POST' && e.resultCode === 0)).toHaveLength(2);

  const cached = await cachedRequests(page);
  expect(cached.length).toBeGreaterThan(0);
  expect(ocrRequests(cached, page.url())).toEqual([]);
  expect(withCredentials(cached)).toEqual([]);
});
