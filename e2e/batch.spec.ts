import { expect, test } from '@playwright/test';
import { CardlensPage, manifest, sampleBytes } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL, sandboxLog, setSandboxFaults } from './support/sandbox-server';

const asFile = (file: string) => ({
  name: file,
  mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg',
  buffer: sampleBytes(file),
});

test.beforeEach(resetSandbox);
test.afterEach(resetSandbox);

test('a batch of every specimen and two bad files, at most 3 in flight, paused and resumed, with a failed item retried', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await app.onSpecimenDay(); // one card has expired, and only one
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await page.getByRole('button', { name: /^Connection:/ }).click();
  await setSandboxFaults({ latencyMs: 200 });

  // Paused first: nothing may leave the page until Resume.
  await app.drop([asFile('credit-card.png')]);
  await app.waitForDone('credit-card.png');
  await page.getByRole('tab', { name: /^Batch/ }).click();
  await page.getByLabel('Concurrency').fill('3');
  await page.getByRole('button', { name: 'Pause' }).click();
  await resetSandbox();
  await setSandboxFaults({ latencyMs: 200, resultCode: 5000503, times: 1 });
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().startsWith(SANDBOX_URL)) sent.push(request.url());
  });

  const credit = manifest.samples.filter((s) => s.service === 'credit-card').map((s) => s.file);
  const ids = manifest.samples.filter((s) => s.service === 'id-card').map((s) => s.file);
  await app.service('Credit card').check();
  await app.drop([
    ...credit.map(asFile),
    { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not an image') },
  ]);
  // credit-card.png is in the batch already: it goes again only when asked to.
  await app.sendAgain();
  await app.service('ID card').check();
  await app.drop([...ids.map(asFile), { name: 'empty.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(0) }]);
  const table = page.getByRole('table', { name: 'Results' });
  await expect(table.getByRole('row')).toHaveCount(1 + 1 + credit.length + 1 + ids.length + 1);
  // Paused, the queue still reads ahead. A running one starts a card the moment it is queued, so once
  // enough cards wait queued to fill every slot, whatever was going to leave would have.
  await expect.poll(() => table.getByText('Queued', { exact: true }).count()).toBeGreaterThanOrEqual(3);
  await expect(table.getByText('Working', { exact: true })).toHaveCount(0);
  expect(sent).toEqual([]);
  expect((await sandboxLog()).log.filter((e) => e.method === 'POST')).toHaveLength(0);

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^\d+\/\d+ finished/ })).toHaveText(
    new RegExp(`^${1 + credit.length + ids.length}/${1 + credit.length + ids.length} finished, 1 failed`),
    {
      timeout: 30_000,
    },
  );
  const { log, maxInFlight } = await sandboxLog();
  expect(maxInFlight).toBeLessThanOrEqual(3);
  expect(maxInFlight).toBeGreaterThanOrEqual(2);
  expect(log.filter((e) => e.resultCode === 5000503)).toHaveLength(1);

  await page.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(page.getByRole('status').filter({ hasText: /finished/ })).toHaveText(/, 0 failed/, { timeout: 30_000 });
  await expect(table.getByText('Done', { exact: true })).toHaveCount(1 + credit.length + ids.length);
  await expect(table.getByText('Not sent', { exact: true })).toHaveCount(2);

  await page.getByLabel('Show').selectOption({ label: 'A rule failure' });
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByRole('button', { name: 'credit-card-low-res.png' })).toBeVisible();
  await page.getByLabel('Show').selectOption({ label: 'All cards' });
  await app.screenshot('batch-table');

  // Rows open in the viewer, and ] / [ move through the table's order.
  await table.getByRole('button', { name: 'id-driver.png' }).click();
  await expect.poll(async () => (await app.viewer())?.fields.some((f) => f.key === 'driverLicenseNumber')).toBe(true);
  await page.getByRole('button', { name: /Next card/ }).click();
  await expect.poll(async () => (await app.viewer())?.fields.some((f) => f.key === 'MRZ1')).toBe(true);
  await page.keyboard.press('[');
  await expect.poll(async () => (await app.viewer())?.fields.some((f) => f.key === 'driverLicenseNumber')).toBe(true);
  expect(app.problems).toEqual([]);
});

test('the batch exports CSV with a BOM and masked values by default', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.drop([asFile('credit-card.png'), asFile('credit-card-angled.png')]);
  await expect(page.getByRole('status').filter({ hasText: /finished/ })).toHaveText(/^2\/2 finished/, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export redacted' }).click();
  const path = await (await download).path();
  const { readFileSync } = await import('node:fs');
  const bytes = readFileSync(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  expect(text).toContain('411111••••••1111');
  expect(text).not.toContain('4111111111111111');
  expect(text).not.toContain('5555555555554444');
});
