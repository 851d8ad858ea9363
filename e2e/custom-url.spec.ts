import { expect, test } from '@playwright/test';
import { megabytes } from '@/lib/byte-size';
import { CardlensPage, sampleBytes } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL, sandboxLog } from './support/sandbox-server';

test.beforeEach(resetSandbox);

test('a Custom URL at the Node sandbox runs the whole flow over real HTTP, Request-Key included', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText('2048 bit')).toHaveCount(2);
  await app.screenshot('connection-check');
  await app.analyseSample('Resident registration card');
  await app.waitForDone('id-resident.png');
  await page.getByRole('tab', { name: 'Authenticity' }).click();
  await expect(page.getByRole('timer')).toBeVisible();
  await page.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(page.getByText('✓ Authentic')).toBeVisible();
  const { log } = await sandboxLog();
  const calls = log.map((e) => `${e.method} ${e.path.replace(/^\/v2\.0\/appkeys\/sandbox\//, '')} ${e.resultCode}`);
  // The check asks for both keys at once, so they may arrive in either order.
  expect(calls.slice(0, 2).sort()).toEqual(['GET public-keys/credit-card 0', 'GET public-keys/id-card 0']);
  expect(calls.slice(2)).toEqual(['POST id-card 0', 'POST id-card/authenticity 0']);
});

test('the sandbox server stopped answering: the app says so and keeps working', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await fetch(`${SANDBOX_URL}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ dropConnection: true }) });
  await app.analyseSample('Credit card');
  await app.waitForFailed('credit-card.png');
  await expect(page.getByText('The request did not reach the service.', { exact: true })).toBeVisible();
  await resetSandbox();
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await app.waitForDone('credit-card.png');
});

test('the file name never leaves the page: the upload is called image.png, whatever the user called it', async ({
  page,
}) => {
  // What the page hands to fetch is what goes on the wire: record each multipart part's file name.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __uploadNames: string[] }).__uploadNames = seen;
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      if (init?.body instanceof FormData)
        for (const [, part] of init.body.entries()) if (part instanceof File) seen.push(part.name);
      return original(input, init);
    };
  });
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  const personal = '홍길동 신용카드.png';
  await app.drop([{ name: personal, mimeType: 'image/png', buffer: sampleBytes('credit-card.png') }]);
  await app.waitForDone(personal);
  expect(await page.evaluate(() => (window as unknown as { __uploadNames: string[] }).__uploadNames)).toEqual([
    'image.png',
  ]);
});

test("a proxy's HTML 413 for a photo under NHN's limit blames that proxy and gives the size, not NHN's 20 MB", async ({
  page,
}) => {
  // A server in front of the endpoint (nginx's default body limit is 1 MB) refuses every upload.
  await page.route(`${SANDBOX_URL}/**`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 413,
          contentType: 'text/html',
          headers: { 'Access-Control-Allow-Origin': '*' },
          body: '<html><head><title>413 Request Entity Too Large</title></head><body><center>nginx</center></body></html>',
        })
      : route.fallback(),
  );
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await app.drop([{ name: 'photo.png', mimeType: 'image/png', buffer: sampleBytes('credit-card-hires.png') }]);
  const size = megabytes(sampleBytes('credit-card-hires.png').length);
  const notice = page.getByRole('alert').filter({ hasText: 'client_max_body_size' });
  await expect(notice).toContainText(
    `A server between this page and NHN refused the upload as too large: the file is ${size} MB.`,
  );
  await expect(notice).toContainText('client_max_body_size');
  await expect(notice).not.toContainText('20 MB');
  await expect(notice).not.toContainText('Shrink');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(notice).toContainText(`파일 크기는 ${size}MB입니다.`);
});
