import { readFileSync } from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import { startSandboxServer, type SandboxServer } from '../scripts/sandbox-server';
import { CardlensPage, sampleBytes } from './support/cardlens-page';

const SECRET = 'SeCrEt-7f3a9c-Zq7w';
const APP_KEY = 'AppKey-Q1w2e3';
// Sensitive decrypted values that a redacted export must never contain.
const SENSITIVE = ['9001011234568', '900101-1234568', '4111111111111111', '5555555555554444'];
// Names the files were given, often a person's: no redacted export, nor its file name, may carry one.
const FILE_NAMES = ['id-resident', '김철수', '이영희'];

let server: SandboxServer;
test.beforeAll(async () => {
  server = await startSandboxServer({ appKey: APP_KEY, secretKey: SECRET, quiet: true });
});
test.afterAll(() => server.close());

test('the secret key appears nowhere but its own header to the configured endpoint', async ({ page, baseURL }) => {
  const app = new CardlensPage(page);
  const requests: { url: string; headers: Record<string, string>; body: string }[] = [];
  const consoleText: string[] = [];
  page.on('request', (r) =>
    requests.push({ url: r.url(), headers: r.headers(), body: r.postDataBuffer()?.toString('latin1') ?? '' }),
  );
  page.on('console', (m) => consoleText.push(m.text()));
  const exports: string[] = [];
  const exportNames: string[] = [];
  const keep = async (download: Promise<Download>) => {
    exports.push(readFileSync(await (await download).path(), 'utf8'));
    exportNames.push((await download).suggestedFilename());
  };

  await app.open();
  await app.openConnection();
  await page.getByLabel('Endpoint').selectOption({ label: 'Custom URL' });
  await page.getByLabel('Base URL').fill(server.url);
  await page.getByLabel('App key').fill(APP_KEY);
  await page.getByLabel('Secret key', { exact: true }).fill(SECRET);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText('2048 bit')).toHaveCount(2);

  await app.analyseSample('Resident registration card');
  await app.waitForDone('id-resident.png');
  await page.getByRole('tab', { name: 'Authenticity' }).click();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('✓ Authentic')).toBeVisible();
  await page.getByRole('tab', { name: 'Fields', exact: true }).click();
  for (const key of ['j', 'y', 'x']) await page.keyboard.press(key); // Y moves on to the next field
  await page.keyboard.type('900101-0000000');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const json = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export redacted' }).click();
  await keep(json);
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await page.getByRole('button', { name: 'Export redacted' }).click();
  await keep(png);

  await app.drop([
    { name: '김철수 신용카드.png', mimeType: 'image/png', buffer: sampleBytes('credit-card.png') },
    { name: '이영희 카드.png', mimeType: 'image/png', buffer: sampleBytes('credit-card-angled.png') },
  ]);
  await expect(page.getByRole('status').filter({ hasText: /finished/ })).toHaveText(/^3\/3 finished/, {
    timeout: 30_000,
  });
  for (const button of ['Export CSV', 'Export all as JSON']) {
    await page.getByRole('button', { name: button }).click();
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export redacted' }).click();
    await keep(file);
  }
  await page.getByRole('tab', { name: 'Report' }).click();
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export report JSON' }).click();
  await keep(report);
  await page.getByRole('button', { name: 'Export session' }).click();
  const session = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export redacted' }).click();
  await keep(session);

  // Requests: only our origin and the configured endpoint; the secret only in Authorization to it.
  const origins = new Set(requests.map((r) => new URL(r.url).origin));
  expect([...origins].sort()).toEqual([new URL(baseURL!).origin, server.url].sort());
  for (const r of requests) {
    expect(r.url).not.toContain(SECRET);
    expect(r.body).not.toContain(SECRET);
    for (const [name, value] of Object.entries(r.headers)) {
      if (value.includes(SECRET)) {
        expect(name).toBe('authorization');
        expect(new URL(r.url).origin).toBe(server.url);
      }
    }
  }
  expect(requests.some((r) => r.headers.authorization === SECRET)).toBe(true);

  // Storage and console: nothing, since "Remember for this tab" is off.
  const stored = await page.evaluate(async () => {
    const idb = await new Promise<string>((resolve) => {
      const open = indexedDB.open('cardlens-review');
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('cards')) return resolve('');
        const all = db.transaction('cards').objectStore('cards').getAll();
        all.onsuccess = () => resolve(JSON.stringify(all.result));
      };
      open.onerror = () => resolve('');
    });
    return {
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
      cookies: document.cookie,
      idb,
    };
  });
  for (const place of Object.values(stored)) expect(place).not.toContain(SECRET);
  // Without "Keep reviews on this device" nothing about a card is written: no verdict, correction or name.
  expect(['', '[]']).toContain(stored.idb);
  expect(consoleText.join('\n')).not.toContain(SECRET);

  // Exports: no secret, no app key, and no sensitive value in any default (redacted) export.
  expect(exports).toHaveLength(6);
  for (const text of exports) {
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(APP_KEY);
    for (const value of SENSITIVE) expect(text).not.toContain(value);
    for (const name of FILE_NAMES) expect(text).not.toContain(name);
  }
  for (const name of FILE_NAMES) expect(exportNames.filter((file) => file.includes(name))).toEqual([]);
  expect(exportNames.filter((file) => /^image-[0-9a-f]{12}-cardlens-redacted\.(json|png)$/.test(file))).toHaveLength(2);
  const csvRows = exports
    .find((text) => text.startsWith('\ufefffile,'))!
    .split('\r\n')
    .slice(1, -1);
  expect(csvRows.filter((row) => !/^image-[0-9a-f]{12},/.test(row))).toEqual([]);
  expect(csvRows).toHaveLength(6);

  // Opting in puts the settings in this tab's sessionStorage, never localStorage; Forget clears them.
  await page.getByRole('checkbox', { name: 'Remember for this tab' }).check();
  const remembered = await page.evaluate(() => ({
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
  }));
  expect(remembered.session).toContain(SECRET);
  expect(remembered.local).not.toContain(SECRET);
  await page.getByRole('button', { name: 'Forget' }).click();
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(SECRET);
  expect(await app.cspViolations()).toEqual([]);
});
