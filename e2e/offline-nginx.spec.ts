import { expect, test } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';
import { nginxSite } from './support/nginx-site';
import { cachedRequests, controlled, ocrRequests, withCredentials } from './support/service-worker';

// The service worker as deployed: deploy/nginx.conf serving the build (see e2e/nginx.spec.ts for why
// dist-e2e), its /nhn-ocr proxy pointed at a sandbox server. Skipped where nginx cannot be installed.
const site = nginxSite(19_000 + (process.pid % 500), 19_500 + (process.pid % 500));

test.use({ serviceWorkers: 'allow' });

test('nginx has the service worker, its Workbox runtime and the manifest revalidated on every visit', async ({
  request,
}) => {
  const sw = await request.get(`${site.nginx().url}/sw.js`);
  expect(sw.headers()['cache-control']).toBe('no-cache');
  expect(sw.headers()['content-type']).toMatch(/javascript/);
  const runtime = /"\.\/(workbox-[\w-]+)"/.exec(await sw.text())![1];
  const workbox = await request.get(`${site.nginx().url}/${runtime}.js`);
  expect(workbox.ok()).toBe(true);
  expect(workbox.headers()['cache-control']).toBe('no-cache');
  const manifest = await request.get(`${site.nginx().url}/manifest.webmanifest`);
  expect(manifest.headers()['cache-control']).toBe('no-cache');
  expect(manifest.headers()['content-type']).toBe('application/manifest+json');
  expect(((await manifest.json()) as { name: string }).name).toBe('Cardlens');
});

test('the Dev proxy under the service worker: nothing of /nhn-ocr and no credential in any cache', async ({ page }) => {
  const app = new CardlensPage(page);
  await page.goto(site.nginx().url);
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  await controlled(page);
  await app.connect({ endpoint: 'Dev proxy', secretKey: 'sandbox' });
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  // It went through nginx to the sandbox behind it, key fetch and all.
  expect(
    site
      .sandbox()
      .sandbox.control.log()
      .map((e) => `${e.method} ${e.path.replace(/^\/v2\.0\/appkeys\/sandbox\//, '')} ${e.resultCode}`),
  ).toEqual(['GET public-keys/credit-card 0', 'POST credit-card 0']);

  const cached = await cachedRequests(page);
  expect(cached.length).toBeGreaterThan(0);
  expect(ocrRequests(cached, page.url())).toEqual([]);
  expect(withCredentials(cached)).toEqual([]);
  expect(app.problems).toEqual([]);
});
