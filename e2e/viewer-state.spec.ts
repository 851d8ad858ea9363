import { expect, test, type Page } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';

// The viewer keeps its state between renders: the scene the canvas draws, the regions it
// announces, and the order of the cards.

async function dragAcrossCanvas(app: CardlensPage, steps: number): Promise<void> {
  const box = (await app.cardCanvas().boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await app.page.mouse.move(x, y);
  await app.page.mouse.down();
  await app.page.mouse.move(x + 120, y + 40, { steps });
  await app.page.mouse.up();
}

for (const presentation of [false, true]) {
  test(`a pan ${presentation ? 'in presentation mode ' : ''}draws moving frames from the cache, not a new scene each frame`, async ({
    page,
  }) => {
    const app = new CardlensPage(page);
    await app.showSpecimen('Credit card', 'credit-card.png');
    if (presentation) {
      await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
      await app.settledViewer();
    }
    const before = (await app.viewer())!;
    await dragAcrossCanvas(app, 16);
    const after = await app.settledViewer();
    expect(after.view.x).toBeGreaterThan(before.view.x + 100);
    // The first frame of the motion and the settled frame are drawn crisp; the frames between
    // reuse the cached overlay. A scene rebuilt on every render made every frame crisp.
    expect(after.crispDraws - before.crispDraws).toBeLessThanOrEqual(4);
  });
}

test('an opened technical detail stays open while the viewer redraws around it', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Sandbox (built-in)', secretKey: 'not-the-secret' });
  await page.getByRole('button', { name: /^Connection:/ }).click();
  await app.analyseSample('Credit card');
  await expect(page.getByText('The app key or secret key is wrong.', { exact: true })).toBeVisible();
  const detail = page.getByRole('main').getByRole('group').filter({ hasText: 'Technical detail' });
  await detail.getByText('Technical detail').click();
  await expect(detail).toHaveAttribute('open', '');
  // Anything that renders the viewer again: a layer toggle, the threshold.
  await page.getByRole('checkbox', { name: 'Labels', exact: true }).uncheck();
  await page.getByRole('slider', { name: 'Confidence threshold' }).fill('0.5');
  await expect(detail).toHaveAttribute('open', '');
});

/** Two specimens analysed one after the other, the second on screen, the batch table never shown. */
async function twoCardsDone(page: Page): Promise<CardlensPage> {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  await app.analyseSample('Low-resolution credit card');
  await app.waitForDone('credit-card-low-res.png');
  return app;
}

test('] and [ step through the cards before the batch table has ever been shown', async ({ page }) => {
  const app = await twoCardsDone(page);
  await expect(page.getByRole('tab', { name: 'Card' })).toHaveAttribute('aria-selected', 'true');
  expect((await app.viewer())!.fileName).toBe('credit-card-low-res.png');
  await page.getByRole('heading', { name: 'Cardlens' }).click();
  await page.keyboard.press('[');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card.png');
  await page.keyboard.press(']');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card-low-res.png');
});

test('] and [ do not act behind a dialog: the card an export was asked for stays on screen under it', async ({
  page,
}) => {
  const app = await twoCardsDone(page);
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export this card as JSON: unredacted?' });
  await expect(dialog).toBeVisible();
  for (const key of ['[', ']', 'j', 'k', 'c']) await page.keyboard.press(key);
  await expect(dialog).toBeVisible();
  expect((await app.viewer())!.fileName).toBe('credit-card-low-res.png');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.keyboard.press('[');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card.png');
});

test('the export dialog names what it exports, and Escape closes it without exporting', async ({ page }) => {
  const app = await twoCardsDone(page);
  let downloads = 0;
  page.on('download', () => downloads++);
  const dialog = page.getByRole('dialog');
  const asks = [
    ['Export JSON', 'Export this card as JSON: unredacted?'],
    ['Export PNG', 'Export this card as a PNG image: unredacted?'],
  ] as const;
  for (const [button, title] of asks) {
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(dialog.getByRole('heading')).toHaveText(title);
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  await page.getByRole('tab', { name: /^Batch/ }).click();
  await page.getByRole('button', { name: 'Export CSV', exact: true }).click();
  await expect(dialog.getByRole('heading')).toHaveText('Export the batch as CSV: unredacted?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.getByRole('button', { name: 'Export session', exact: true }).click();
  await expect(dialog.getByRole('heading')).toHaveText('Export the session: unredacted?');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(downloads).toBe(0);
  expect(app.problems).toEqual([]);
});
