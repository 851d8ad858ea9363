import { expect, test } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';

// An operator photographing cards on a phone: one column, nothing wider than the screen.
test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });

const horizontalOverflow = (page: CardlensPage['page']) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('on a phone the app is one column and a card fills the width', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.useEnglish();
  expect(await horizontalOverflow(page)).toBe(0);
  await expect(page.getByRole('button', { name: 'Choose card images' })).toBeInViewport();

  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  const probe = await app.settledViewer();
  expect(probe.boxesDrawn).toBeGreaterThan(0);
  expect(await horizontalOverflow(page)).toBe(0);

  const canvas = (await page.getByRole('application', { name: /card image/i }).boundingBox())!;
  expect(canvas.x).toBeGreaterThanOrEqual(0);
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(390);
  expect(canvas.width).toBeGreaterThan(340);

  // The specimens beside the queue scroll sideways instead of widening the page.
  const strip = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Analyse sample:/ }) });
  const widths = await strip.evaluate((list) => ({ client: list.clientWidth, scroll: list.scrollWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);

  await page.getByRole('tab', { name: /^Batch/ }).click();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  expect(app.problems).toEqual([]);
});
