import type { IncomingHttpHeaders } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { expect, test } from '@playwright/test';
import type {} from '@/app/test-hooks';
import { MAX_REQUEST_BYTES } from '../scripts/sandbox-server';
import { contentSecurityPolicy, ISOLATION_HEADERS } from '../vite.config';
import { CardlensPage } from './support/cardlens-page';
import { isolation } from './support/isolation';
import { nginxSite } from './support/nginx-site';

// Debian's nginx with deploy/nginx.conf as committed (only its SITE lines set, a certificate made for the
// test among them), its upstream pointed at a sandbox server. It serves dist-e2e/, the production build plus the test hook, because `npm test` builds
// only that; the flows below drive the UI by role and label alone, so CARDLENS_NGINX_ROOT=dist runs them
// against the real production build (the 21 MB check needs the hook and skips there).
// nginx comes from scripts/provision-nginx.mjs (run by `npm run test:e2e`); without it this spec skips.
const site = nginxSite(18_000 + (process.pid % 500), 18_500 + (process.pid % 500));
const KEY_PATH = '/nhn-ocr/v2.0/appkeys/sandbox/public-keys/credit-card';
const HSTS = 'max-age=63072000';

/** A request with its path as written: fetch and Playwright resolve /assets/../ before anything is sent. */
function raw(
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  const { protocol, hostname, port } = new URL(site.nginx().url);
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const sent = send({ hostname, port, path, method, headers, rejectUnauthorized: false }, (answer) => {
      let body = '';
      answer.setEncoding('utf8');
      answer.on('data', (chunk: string) => (body += chunk));
      answer.on('end', () => resolve({ status: answer.statusCode!, headers: answer.headers, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

test('it is an HTTPS site: plain HTTP only redirects there, and every HTTPS answer carries HSTS', async ({
  request,
}) => {
  const { url, redirectUrl } = site.nginx();
  expect(url).toMatch(/^https:\/\//);
  const redirect = await request.get(`${redirectUrl}/some/where?card=1`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(301);
  expect(redirect.headers()['location']).toBe(`${url}/some/where?card=1`);
  expect(redirect.headers()['strict-transport-security']).toBeUndefined(); // meaningless over plain HTTP
  const proxied = await request.post(`${redirectUrl}/nhn-ocr/v2.0/appkeys/sandbox/credit-card`, {
    maxRedirects: 0,
    headers: { Authorization: 'sandbox' },
  });
  expect(proxied.status()).toBe(301);

  for (const [path, status] of [
    ['/', 200],
    ['/manifest.webmanifest', 200],
    [KEY_PATH, 200],
    ['/assets/not-in-this-build.js', 404],
    ['/nhn-ocr/v2.0/appkeys/sandbox/public-keys/passport', 404],
  ] as const) {
    const answer = await request.get(`${url}${path}`, { headers: { Authorization: 'sandbox' } });
    expect(answer.status(), path).toBe(status);
    expect(answer.headers()['strict-transport-security'], path).toBe(HSTS);
  }
});

test('caching is decided by the location that answers: a proxied answer is never stored, whatever its URI', async () => {
  const before = site.sandbox().sandbox.control.log().length;
  const auth = { Authorization: 'sandbox' };
  const answers: ({ path: string } & Awaited<ReturnType<typeof raw>>)[] = [];
  for (const path of [
    KEY_PATH,
    `/assets/..${KEY_PATH}`,
    `${KEY_PATH}?x.wasm`,
    `/assets/../nhn-ocr/x/..${KEY_PATH.slice(8)}`,
  ])
    answers.push({ path, ...(await raw(path, 'GET', auth)) });
  for (const { path, status, headers } of answers) {
    expect(status, path).toBe(200);
    expect(headers['cache-control'], path).toBe('no-store');
  }
  // All four reached the sandbox: they were the proxy's, and say so as the proxy's answers do.
  expect(site.sandbox().sandbox.control.log().length).toBe(before + 4);
  for (const { path, headers } of answers)
    expect(headers['access-control-expose-headers'], path).toBe('Request-Key, Date');
  // A name this build does not have is not kept for a year either.
  const missing = await raw('/assets/index-NotThere.js');
  expect(missing.status).toBe(404);
  expect(missing.headers['cache-control']).toBe('no-store');
  const app = await raw('/assets/../index.html');
  expect(app.headers['cache-control']).toBe('no-cache');
});

test('the proxy forwards only the API’s own requests: nginx refuses any other method or path itself', async () => {
  const before = site.sandbox().sandbox.control.log().length;
  const auth = { Authorization: 'sandbox' };
  for (const [method, path, status] of [
    ['DELETE', KEY_PATH, 405],
    ['POST', KEY_PATH, 405],
    ['HEAD', KEY_PATH, 405],
    ['OPTIONS', KEY_PATH, 405],
    ['GET', '/nhn-ocr/v2.0/appkeys/sandbox/credit-card', 405],
    ['PUT', '/nhn-ocr/v2.0/appkeys/sandbox/id-card/authenticity', 405],
    ['GET', '/nhn-ocr/__sandbox/log', 404],
    ['POST', '/nhn-ocr/__sandbox/reset', 404],
    ['POST', '/nhn-ocr/v2.0/appkeys/sandbox/id-card/other', 404],
    ['GET', '/nhn-ocr/v2.0/appkeys/sandbox/public-keys/credit-card/', 404],
    ['GET', '/nhn-ocr/v3.0/appkeys/sandbox/public-keys/credit-card', 404],
    ['GET', '/nhn-ocr/', 404],
  ] as const) {
    const answer = await raw(path, method, auth);
    expect(answer.status, `${method} ${path}`).toBe(status);
    expect(answer.headers['cache-control'], `${method} ${path}`).toBe('no-store');
    if (method !== 'HEAD') expect(answer.body, `${method} ${path}`).toContain('<center>nginx</center>');
  }
  expect(site.sandbox().sandbox.control.log().length).toBe(before);
});

test('the page comes with the security headers, the build’s CSP plus frame-ancestors', async ({ request }) => {
  const page = await request.get(`${site.nginx().url}/`);
  const headers = page.headers();
  expect(headers['content-security-policy']).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  // The camera view asks for this page's own camera; no frame or other origin may.
  expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(self\)/);
  expect(headers['permissions-policy']).toMatch(/(^|, )microphone=\(\)/);
  expect(headers['permissions-policy']).not.toMatch(/fullscreen/);
  expect(headers['cache-control']).toBe('no-cache');
  expect(headers['strict-transport-security']).toBe(HSTS);
  // A deep link is the app too.
  expect((await request.get(`${site.nginx().url}/some/where`)).headers()['content-type']).toMatch(/^text\/html/);

  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
  const asset = await request.get(`${site.nginx().url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect(asset.headers()['content-security-policy']).toBeDefined();
  // Isolated: the page, and every script (a worker's needs it on its own answer), and a proxied answer too.
  for (const answer of [page, asset, await request.get(`${site.nginx().url}${KEY_PATH}`)])
    for (const [name, value] of Object.entries(ISOLATION_HEADERS))
      expect(answer.headers()[name.toLowerCase()], `${answer.url()} ${name}`).toBe(value);
});

test('the page and its worker are cross-origin isolated', async ({ page }) => {
  expect(await isolation(page, site.nginx().url)).toEqual({ page: true, workers: [true] });
});

test('the Dev proxy endpoint through nginx: connection check, a credit card, an ID card and its authenticity', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await page.goto(site.nginx().url);
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  await app.connect({ endpoint: 'Dev proxy', secretKey: 'sandbox' });
  await page.getByRole('button', { name: 'Check connection' }).click();
  const checks = page.getByRole('list', { name: 'Connection checks' });
  await expect(checks.getByRole('listitem')).toHaveCount(7);
  for (const item of await checks.getByRole('listitem').all())
    await expect(item.locator('.check-status')).toHaveText('✓');
  await expect(checks).toContainText('Same origin as this page');

  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  await app.analyseSample('Resident registration card');
  await app.waitForDone('id-resident.png');
  await page.getByRole('tab', { name: 'Authenticity' }).click();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('✓ Authentic')).toBeVisible();
  // Everything went through nginx to the sandbox behind it.
  expect(
    site
      .sandbox()
      .sandbox.control.log()
      .filter((e) => e.method === 'POST')
      .map((e) => `${e.path.replace(/^\/v2\.0\/appkeys\/sandbox\//, '')} ${e.resultCode}`),
  ).toEqual(['credit-card 0', 'id-card 0', 'id-card/authenticity 0']);
});

test('nginx itself refuses a 21 MB upload with 413, and the client reads it as the size error', async ({ page }) => {
  await page.goto(site.nginx().url);
  test.skip(!(await page.evaluate(() => Boolean(window.__cardlens))), 'needs the e2e build’s test hook');
  const before = site.sandbox().sandbox.control.log().length;
  const outcome = await page.evaluate(
    async (bytes) => {
      const raw = await fetch('/nhn-ocr/v2.0/appkeys/sandbox/credit-card', {
        method: 'POST',
        headers: { Authorization: 'sandbox' },
        body: new Uint8Array(bytes),
      });
      const api = await window.__cardlens!.api();
      const client = api.createOcrClient({
        baseUrl: `${location.origin}/nhn-ocr`,
        appKey: 'sandbox',
        auth: { kind: 'secret-key', secretKey: 'sandbox' },
      });
      // A JPEG's start, then zeros: the client sends bytes as they are.
      const image = new Uint8Array(bytes);
      image.set([0xff, 0xd8, 0xff, 0xe0]);
      const error = await client.analyzeCreditCard({ bytes: image, fileName: 'big.jpg' }).catch((e: unknown) => e);
      return {
        status: raw.status,
        server: raw.headers.get('Server'),
        body: (await raw.text()).slice(0, 200),
        resultCode: (error as { resultCode?: number }).resultCode,
        message: api.describeResultCode(4131000).message.en,
      };
    },
    21 * 1024 * 1024,
  );
  expect(outcome.status).toBe(413);
  expect(outcome.server).toBe('nginx');
  expect(outcome.body).toContain('413 Request Entity Too Large');
  expect(outcome.resultCode).toBe(4131000);
  expect(outcome.message).toBe('The file is larger than the service accepts (20 MB).');
  // nginx's cap is the sandbox server's: 20 MB of image and the envelope around it.
  expect(site.nginx().log()).toContain(`client intended to send too large body: ${21 * 1024 * 1024}`);
  expect(MAX_REQUEST_BYTES).toBe(21_037_056);
  expect(site.sandbox().sandbox.control.log().length).toBe(before + 1); // the client's key fetch, no upload
});
