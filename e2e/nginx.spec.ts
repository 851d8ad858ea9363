import { expect, test } from '@playwright/test';
import type {} from '@/app/test-hooks';
import { MAX_REQUEST_BYTES } from '../scripts/sandbox-server';
import { contentSecurityPolicy } from '../vite.config';
import { CardlensPage } from './support/cardlens-page';
import { nginxSite } from './support/nginx-site';

// Debian's nginx with deploy/nginx.conf as committed (only its SITE lines set), its upstream pointed at a
// sandbox server. It serves dist-e2e/, the production build plus the test hook, because `npm test` builds
// only that; the flows below drive the UI by role and label alone, so CARDLENS_NGINX_ROOT=dist runs them
// against the real production build (the 21 MB check needs the hook and skips there).
// nginx comes from scripts/provision-nginx.mjs (run by `npm run test:e2e`); without it this spec skips.
const site = nginxSite(18_000 + (process.pid % 1000));

test('the page comes with the security headers, the build’s CSP plus frame-ancestors', async ({ request }) => {
  const page = await request.get(`${site.nginx().url}/`);
  const headers = page.headers();
  expect(headers['content-security-policy']).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['permissions-policy']).toMatch(/(^|, )camera=\(\)/);
  expect(headers['permissions-policy']).toMatch(/(^|, )microphone=\(\)/);
  expect(headers['permissions-policy']).not.toMatch(/fullscreen/);
  expect(headers['cache-control']).toBe('no-cache');
  // A deep link is the app too.
  expect((await request.get(`${site.nginx().url}/some/where`)).headers()['content-type']).toMatch(/^text\/html/);

  const script = /src="(\/assets\/[^"]+\.js)"/.exec(await page.text())![1];
  const asset = await request.get(`${site.nginx().url}${script}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(asset.headers()['content-encoding']).toBe('gzip');
  expect(asset.headers()['content-security-policy']).toBeDefined();
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
