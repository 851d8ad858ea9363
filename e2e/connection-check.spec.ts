import { expect, test, type Page } from '@playwright/test';
import { startSandboxServer, type SandboxServer } from '../scripts/sandbox-server';
import type { SandboxFaults } from '@/sandbox';
import { CardlensPage } from './support/cardlens-page';

// Check connection against a sandbox server of this spec's own, made to misbehave one way at a time.
let server: SandboxServer;
test.beforeAll(async () => {
  server = await startSandboxServer({ quiet: true });
});
test.afterAll(() => server.close());
test.afterEach(() => server.sandbox.control.setFaults({}));

const LINES = [
  'Reachable',
  'Allowed by CORS',
  'Allowed by the Content Security Policy',
  'Credentials',
  'Public keys',
  'Request-Key exposed',
  'Clock',
] as const;
type Line = (typeof LINES)[number];

function line(page: Page, name: Line) {
  return page
    .getByRole('list', { name: 'Connection checks' })
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
}

async function check(page: Page, baseUrl: string, faults: SandboxFaults = {}, secretKey = 'sandbox') {
  server.sandbox.control.setFaults(faults);
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl, secretKey });
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(line(page, 'Clock')).toBeVisible({ timeout: 20_000 });
}

async function statuses(page: Page): Promise<Record<Line, string>> {
  const out = {} as Record<Line, string>;
  for (const name of LINES) out[name] = (await line(page, name).locator('.check-status').textContent()) ?? '';
  return out;
}

test('a healthy sandbox server: every line ✓, with the key versions', async ({ page }) => {
  await check(page, server.url);
  expect(await statuses(page)).toEqual(Object.fromEntries(LINES.map((name) => [name, '✓'])));
  await expect(line(page, 'Public keys')).toContainText('Key versions: Credit card 0 · ID card 0');
  await expect(page.getByText('2048 bit')).toHaveCount(2);
});

test('no CORS at all: reachable, but ✗ CORS with the nginx lines that fix it', async ({ page }) => {
  await check(page, server.url, { noCors: true });
  const s = await statuses(page);
  expect([s.Reachable, s['Allowed by CORS'], s.Credentials]).toEqual(['✓', '✗', 'skipped']);
  await expect(line(page, 'Allowed by CORS')).toContainText('sends no CORS headers');
  await expect(line(page, 'Allowed by CORS').locator('pre')).toContainText('location ^~ /nhn-ocr/ {');
  await expect(line(page, 'Allowed by CORS').locator('pre')).toContainText('proxy_pass $cardlens_upstream;');
});

test('nothing listening: ✗ reachable, naming DNS, nothing listening and offline', async ({ page }) => {
  await check(page, 'http://127.0.0.1:9');
  const s = await statuses(page);
  expect([s.Reachable, s['Allowed by CORS'], s.Credentials]).toEqual(['✗', 'skipped', 'skipped']);
  await expect(line(page, 'Reachable')).toContainText('the name does not resolve (DNS), nothing listens there');
  await expect(page.getByText(/use the Dev proxy endpoint/)).toBeVisible();
});

test('an origin the page’s CSP does not list: ✗ CSP, with the build setting that fixes it', async ({ page }) => {
  // 127.0.0.2 is this machine too, but the policy lists only 127.0.0.1 and localhost.
  await check(page, `http://127.0.0.2:${server.port}`);
  const s = await statuses(page);
  expect([s['Allowed by the Content Security Policy'], s.Reachable]).toEqual(['✗', 'skipped']);
  await expect(line(page, 'Allowed by the Content Security Policy')).toContainText(
    `CARDLENS_CONNECT_SRC="http://127.0.0.2:${server.port}"`,
  );
});

test('a wrong secret key: ✗ credentials (4010001)', async ({ page }) => {
  await check(page, server.url, {}, 'not-the-secret');
  const s = await statuses(page);
  expect([s.Reachable, s['Allowed by CORS'], s.Credentials, s['Public keys']]).toEqual(['✓', '✓', '✗', 'skipped']);
  await expect(line(page, 'Credentials')).toContainText('4010001');
});

test('an endpoint that is not the OCR API (an HTML page): ✗ public keys', async ({ page, baseURL }) => {
  // The preview server answers every path with the app's index.html.
  await check(page, baseURL!);
  const s = await statuses(page);
  expect([s.Reachable, s['Public keys']]).toEqual(['✓', '✗']);
  await expect(line(page, 'Public keys')).toContainText('A key answer is not usable');
});

test('Request-Key not exposed: ✗, seen without a billed call', async ({ page }) => {
  await check(page, server.url, { hideRequestKey: true });
  const s = await statuses(page);
  expect([s['Allowed by CORS'], s['Request-Key exposed']]).toEqual(['✓', '✗']);
  await expect(line(page, 'Request-Key exposed')).toContainText('Access-Control-Expose-Headers: Request-Key');
  expect(server.sandbox.control.log().filter((e) => e.method === 'POST')).toEqual([]);
});

test('a Date three hours off: ✗ clock, saying how far', async ({ page }) => {
  await check(page, server.url, { dateSkewMs: -3 * 60 * 60_000 });
  const s = await statuses(page);
  expect(s.Clock).toBe('✗');
  await expect(line(page, 'Clock')).toContainText('about 180 min ahead of the service’s');
});

test('in Korean too', async ({ page }) => {
  await check(page, server.url, { noCors: true });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('list', { name: '연결 점검 결과' })).toContainText('CORS 허용');
});
