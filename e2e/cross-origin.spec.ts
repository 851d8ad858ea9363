import { expect, test, type Page } from '@playwright/test';
import type {} from '@/app/test-hooks';
import { resetSandbox, SANDBOX_URL, setSandboxFaults } from './support/sandbox-server';

async function analyzeResidentFrom(page: Page) {
  return page.evaluate(async (baseUrl) => {
    const api = await window.__cardlens!.api();
    const bytes = new Uint8Array(await (await fetch('/samples/id-resident.png')).arrayBuffer());
    const client = api.createOcrClient({
      baseUrl,
      appKey: 'sandbox',
      auth: { kind: 'secret-key', secretKey: 'sandbox' },
    });
    const analysis = await client.analyzeIdCard({ bytes, fileName: 'id-resident.png' });
    return {
      origin: location.origin,
      requestKey: analysis.requestKey,
      reason: analysis.requestKeyMissingReason,
      name: analysis.result.keyValues[0].value,
    };
  }, SANDBOX_URL);
}

test.afterEach(resetSandbox);

test('a page on another origin reads Request-Key from the Node sandbox', async ({ page }) => {
  await page.goto('/');
  const outcome = await analyzeResidentFrom(page);
  expect(outcome.origin).not.toBe(SANDBOX_URL);
  expect(outcome.requestKey).toMatch(/^[0-9a-f]{32}$/);
  expect(outcome.name).toBe('홍길동');
});

test('without the expose header the browser hides Request-Key, and the client says why', async ({ page }) => {
  await setSandboxFaults({ hideRequestKey: true });
  await page.goto('/');
  const outcome = await analyzeResidentFrom(page);
  expect(outcome.requestKey).toBeNull();
  expect(outcome.reason).toBe('header-not-exposed');
});
