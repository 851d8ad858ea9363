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

  const canvas = (await app.cardCanvas().boundingBox())!;
  expect(canvas.x).toBeGreaterThanOrEqual(0);
  expect(canvas.x + canvas.width).toBeLessThanOrEqual(390);
  expect(canvas.width).toBeGreaterThan(340);

  // The specimens beside the queue scroll sideways instead of widening the page.
  const strip = page.getByRole('list').filter({ has: page.getByRole('button', { name: /^Analyse sample:/ }) });
  const widths = await strip.evaluate((list) => ({ client: list.clientWidth, scroll: list.scrollWidth }));
  expect(widths.scroll).toBeGreaterThan(widths.client);

  // Two fingers around the card number: spreading them zooms, moving them pans, and the digits
  // first between them stay between them.
  const field = probe.fields.find((f) => f.centre)!;
  await app.cardCanvas().scrollIntoViewIfNeeded();
  const start = await app.onCanvas(field.centre!, probe.view);
  const fingers = (spread: number, dx: number, dy: number) => [
    { x: start.x - spread + dx, y: start.y + dy, id: 1 },
    { x: start.x + spread + dx, y: start.y + dy, id: 2 },
  ];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(30, 0, 0) });
  for (let step = 1; step <= 6; step++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: fingers(30 + step * 5, step * 3, step * 2),
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  const pinched = await app.settledViewer();
  expect(pinched.view.scale / probe.view.scale).toBeCloseTo(2, 1);
  const now = await app.onCanvas(field.centre!, pinched.view);
  expect(now.x).toBeCloseTo(start.x + 18, 0);
  expect(now.y).toBeCloseTo(start.y + 12, 0);

  await page.getByRole('tab', { name: /^Batch/ }).click();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.getByRole('tab', { name: /^Report/ }).click();
  await expect(page.getByRole('button', { name: 'Export session' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  expect(app.problems).toEqual([]);
});
