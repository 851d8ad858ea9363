import { appendFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL, setSandboxFaults } from './support/sandbox-server';
import { controlled } from './support/service-worker';
import { serveCopyOf, type StaticBuild } from './support/static-build';

// A new version never swaps in under a running batch (vite.config.ts registerType 'prompt',
// src/app/update-prompt.tsx). A copy of the build stands in for the site, so the test can deploy to it.
test.use({ serviceWorkers: 'allow' });

let site: StaticBuild;
test.beforeEach(async () => {
  await resetSandbox();
  site = await serveCopyOf(resolve(import.meta.dirname, '../dist-e2e'));
});
test.afterEach(async () => {
  await resetSandbox();
  await site.close();
});

/** The state of the registration's waiting worker: 'installed' while a new version waits, else none. */
const waitingWorker = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none');

/** A new deploy (a service worker that differs by a byte), which the page is then told to look for. */
async function deployNewVersion(page: Page): Promise<void> {
  await appendFile(join(site.dir, 'sw.js'), '\n// the next version\n');
  await page.evaluate(async () => void (await (await navigator.serviceWorker.getRegistration())!.update()));
  await expect.poll(() => waitingWorker(page)).toBe('installed');
}

test('a new version waits while a card is on its way, then offers "Reload to update", which runs it', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const reload = page.getByRole('button', { name: 'Reload to update' });
  await page.goto(site.url);
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  await controlled(page);
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await setSandboxFaults({ latencyMs: 4000 });
  await app.analyseSample('Credit card');

  await deployNewVersion(page);
  // The card is still in flight: the new version is said to wait, and nothing is offered or swapped.
  await expect(page.getByRole('status').filter({ hasText: 'A new version of Cardlens is ready.' })).toContainText(
    'It will be offered once no card is on its way.',
  );
  await expect(app.queueItem('credit-card.png').getByText('Done', { exact: true })).toHaveCount(0);
  await expect(reload).toHaveCount(0);
  await app.waitForDone('credit-card.png');
  expect(await waitingWorker(page)).toBe('installed');
  await expect(reload).toBeVisible();
  await expect(page.getByRole('status').filter({ has: reload })).toContainText('export them first');

  // The leave guard asks first (the result was never exported). Kept, the page stays, and offers the reload again.
  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await reload.click();
  await expect.poll(() => asked).toEqual(['beforeunload']);
  await expect(reload).toBeVisible();
  expect(await waitingWorker(page)).toBe('none');

  page.once('dialog', (dialog) => void dialog.accept());
  await Promise.all([page.waitForEvent('load'), reload.click()]);
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  await expect(reload).toHaveCount(0);
  await resetSandbox();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  expect(app.problems).toEqual([]);
});
