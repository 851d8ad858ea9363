import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { findNginx } from '../scripts/provision-nginx.mjs';
import { startNginx } from '../scripts/serve.mjs';
import { ISOLATION_HEADERS } from '../vite.config';
import { drawCardPhoto } from './support/card-photo';
import { CardlensPage } from './support/cardlens-page';
import { isolation } from './support/isolation';
import { SANDBOX_URL } from './support/sandbox-server';

// Every server of the app sends the cross-origin isolation headers (vite.config.ts, ISOLATION_HEADERS), which
// the on-device reader needs for threads; nginx over HTTPS is in e2e/nginx.spec.ts, a page from the service
// worker's cache in e2e/offline.spec.ts.
const ROOT = resolve(import.meta.dirname, '..');

test('`vite preview` serves the page and every worker isolated, the reader’s included', async ({ page }) => {
  test.setTimeout(120_000);
  const found = await isolation(page, '/');
  expect(found.page).toBe(true);
  expect(found.workers).toEqual([true]); // the built-in sandbox's
  const readers = page.waitForEvent('worker');
  const app = new CardlensPage(page);
  await app.drop([
    { name: 'my-card.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '5555555555554444', '11/28') },
  ]);
  await app.waitForDone('my-card.png');
  expect(await (await readers).evaluate(() => self.crossOriginIsolated)).toBe(true);
  expect(app.problems).toEqual([]);
});

test('an answer of another origin’s that sends only CORS headers still reaches the isolated page', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  // The sandbox server is such a server: CORS, and no Cross-Origin-Resource-Policy.
  const headers = (await page.request.get(`${SANDBOX_URL}/v2.0/appkeys/sandbox/public-keys/credit-card`)).headers();
  expect(headers['cross-origin-resource-policy']).toBeUndefined();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  expect(app.problems).toEqual([]);
});

test('`npm start`, the dev server, serves the page and its worker isolated', async ({ page }) => {
  test.setTimeout(120_000);
  const port = 5_200 + (process.pid % 500);
  const server = spawn(
    process.execPath,
    ['node_modules/vite/bin/vite.js', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  try {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
    server.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    // Ready once it answers (its banner colours the port, so it is no string to wait for).
    await expect
      .poll(
        async () => {
          if (server.exitCode !== null) throw new Error(`vite exited (${server.exitCode}): ${output}`);
          return fetch(`http://127.0.0.1:${port}/`).then(
            (r) => r.status,
            () => 0,
          );
        },
        { timeout: 30_000 },
      )
      .toBe(200);
    const answer = await page.request.get(`http://127.0.0.1:${port}/`);
    for (const [name, value] of Object.entries(ISOLATION_HEADERS))
      expect(answer.headers()[name.toLowerCase()]).toBe(value);
    const found = await isolation(page, `http://127.0.0.1:${port}/`);
    expect(found).toEqual({ page: true, workers: [true] });
  } finally {
    server.kill();
  }
});

test('`npm run serve`, nginx over plain HTTP on 127.0.0.1, serves the page and its worker isolated', async ({
  page,
}) => {
  const nginx = findNginx();
  test.skip(!nginx, 'needs nginx (scripts/provision-nginx.mjs)');
  const server = await startNginx({
    nginx: nginx!,
    port: 19_600 + (process.pid % 300),
    root: resolve(ROOT, 'dist-e2e'),
    upstream: SANDBOX_URL,
  });
  try {
    expect(await isolation(page, server.url)).toEqual({ page: true, workers: [true] });
  } finally {
    await server.stop();
  }
});
