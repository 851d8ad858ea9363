import { expect, test, type BrowserContext, type Page } from '@playwright/test';
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
  await expect(page.getByRole('button', { name: 'Switch to Dev proxy' })).toBeVisible();
  await expect(page.getByText('First check that failed: Allowed by CORS.', { exact: false })).toBeVisible();
});

test('nothing listening: ✗ reachable, naming DNS, nothing listening and offline', async ({ page }) => {
  await check(page, 'http://127.0.0.1:9');
  const s = await statuses(page);
  expect([s.Reachable, s['Allowed by CORS'], s.Credentials]).toEqual(['✗', 'skipped', 'skipped']);
  await expect(line(page, 'Reachable')).toContainText('the name does not resolve (DNS), nothing listens there');
  // The summary follows the first line that failed: nothing answered, so CORS is not the problem.
  await expect(page.getByRole('button', { name: 'Switch to Dev proxy' })).toHaveCount(0);
  await expect(page.getByText(/calls from web pages of other sites/)).toHaveCount(0);
  await expect(page.getByText('First check that failed: Reachable.', { exact: false })).toBeVisible();
});

/** NHN Cloud with a made-up key, checked with this device offline: the issue's own case. */
async function checkNhnOffline(page: Page, context: BrowserContext) {
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'NHN Cloud', secretKey: 'made-up' });
  await expect(page.getByRole('button', { name: /^Connection: NHN Cloud$/ })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(line(page, 'Clock')).toBeVisible({ timeout: 20_000 });
  await expect(line(page, 'Reachable')).toContainText('This device is offline');
}

test('NHN Cloud, a made-up key, no network: the summary follows the first line, not CORS', async ({
  page,
  context,
}) => {
  await checkNhnOffline(page, context);
  await expect(page.getByRole('button', { name: 'Switch to Dev proxy' })).toHaveCount(0);
  await expect(page.getByText(/calls from web pages of other sites/)).toHaveCount(0);
  await expect(page.getByText('First check that failed: Reachable.', { exact: false })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByText('처음 실패한 점검: 연결 가능.', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: '개발 프록시로 전환' })).toHaveCount(0);
});

test('each service’s line reads as words, its name apart from what happened', async ({ page, context }) => {
  await checkNhnOffline(page, context);
  const service = (panel: string, name: string) =>
    page
      .getByRole('region', { name: panel, exact: true })
      .getByRole('listitem')
      .filter({ has: page.getByText(name, { exact: true }) });
  await expect(service('Connection', 'Credit card')).toHaveText(
    /^Credit card\s+The request did not reach the service\.$/,
  );
  await expect(service('Connection', 'ID card')).toHaveText(/^ID card\s+The request did not reach the service\.$/);
  await expect(page.getByRole('list', { name: 'Public key of each service' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(service('연결', '신용카드')).toHaveText(/^신용카드\s+요청이 서비스에 닿지 않았습니다\.$/);
});

test('the header’s dot shows a failed check, to the eye and to a screen reader, for that connection only', async ({
  page,
  context,
}) => {
  await checkNhnOffline(page, context);
  const status = page.getByRole('button', { name: 'Connection: NHN Cloud (check failed)' });
  await expect(status).toBeVisible();
  await expect(status.locator('.dot')).toHaveClass(/\bfailed\b/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('button', { name: '연결: NHN Cloud (점검 실패)' })).toBeVisible();
  // Another connection has not been checked: its dot is not failed.
  await context.setOffline(false);
  await page.getByLabel('엔드포인트').selectOption({ label: '샌드박스(내장)' });
  await expect(page.getByRole('button', { name: '연결: 샌드박스(내장)' })).toBeVisible();
  await expect(page.locator('.connection-status .dot')).not.toHaveClass(/\bfailed\b/);
});

test('the sandbox note says what the sandbox reads: each specimen exactly, any other photo on this device', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.openConnection();
  const note = page.getByText(/^The sandbox plays the service/);
  await expect(note).toContainText('any other photo is read on this device');
  await expect(note).toContainText('name, issuer and licence classes in Hangul');
  await expect(note).not.toContainText('only the bundled specimen');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const ko = page.getByText(/^샌드박스는 브라우저 안에서/);
  await expect(ko).toContainText('그 밖의 사진은 Cardlens의 자체 판독기가 이 기기에서 읽습니다');
  await expect(ko).not.toContainText('견본 카드만 인식');
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
