import { expect, test } from '@playwright/test';
import { CardlensPage, sampleBytes } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL } from './support/sandbox-server';

test('the build ships a strict Content Security Policy', async ({ page }) => {
  const html = await (await page.request.get('/')).text(); // the file as served, unparsed
  await page.goto('/');
  // Read as the browser does (the attribute is HTML-escaped in the file); a meta tag has no role to find it by.
  const policy = (await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(policy).toContain("object-src 'none'");
  expect(policy).toMatch(/connect-src 'self' https:\/\/api-ocr\.nhncloudservice\.com/);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toMatch(/'unsafe-eval'/);
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/); // no inline script at all
});

test('no flow violates the policy: samples, presentation, exports, authenticity, batch, report, Custom URL', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Resident registration card');
  await app.waitForDone('id-resident.png');
  await page.getByRole('tab', { name: 'Authenticity' }).click();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('✓ Authentic')).toBeVisible();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  const png = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await page.getByRole('button', { name: 'Export redacted' }).click();
  await png;
  await page.getByRole('checkbox', { name: 'Presentation mode' }).uncheck();
  await app.drop([
    { name: 'a.png', mimeType: 'image/png', buffer: sampleBytes('credit-card.png') },
    { name: 'b.png', mimeType: 'image/png', buffer: sampleBytes('credit-card-angled.png') },
  ]);
  await expect(page.getByRole('status').filter({ hasText: /finished/ })).toHaveText(/^3\/3 finished/, {
    timeout: 30_000,
  });
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export redacted' }).click();
  await csv;
  await page.getByRole('tab', { name: 'Report' }).click();
  await resetSandbox();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText('2048 bit')).toHaveCount(2);
  expect(await app.cspViolations()).toEqual([]);
  expect(app.problems).toEqual([]);
});
