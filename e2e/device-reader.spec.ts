import { expect, test } from '@playwright/test';
import { drawCardPhoto } from './support/card-photo';
import { CardlensPage } from './support/cardlens-page';

// A card that is not a specimen, drawn at test time, read by the built-in sandbox's on-device reader.

test('a card photo that is not a specimen is read on this device, with its number and expiry boxed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The first download's progress bar may show for a moment only: note every percentage it showed.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __readerProgress: string[] }).__readerProgress = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('progress');
      const text = bar?.closest('[role="status"]')?.textContent ?? '';
      if (text.startsWith('Loading the on-device reader')) seen.push(`${bar!.max} ${text}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const app = new CardlensPage(page);
  await app.open();
  const card = await drawCardPhoto(page, '5555555555554444', '11/28');
  await app.drop([{ name: 'my-card.png', mimeType: 'image/png', buffer: card }]);
  await app.waitForDone('my-card.png');
  await expect(page.getByRole('note').filter({ hasText: 'Read on this device, not by NHN' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  const probe = await app.settledViewer();
  const value = (key: string) => probe.fields.filter((f) => f.key === key).map((f) => f.value);
  expect(value('cardNum')).toEqual(['5555', '5555', '5555', '4444']);
  expect(value('validThru')).toEqual(['11/28']);
  expect(probe.fields.filter((f) => f.key === 'cardNum').every((f) => f.quad)).toBe(true);
  expect(probe.boxesDrawn).toBeGreaterThanOrEqual(5);
  const progress = await page.evaluate(() => (window as unknown as { __readerProgress: string[] }).__readerProgress);
  expect(progress.length).toBeGreaterThan(0);
  // One figure for the download: the note beside the device checks says what the bar then counts up to.
  const note = await page.getByRole('group', { name: 'On-device checks' }).textContent();
  const size = /reader \((\d+(?:\.\d)?) MB/.exec(note ?? '')?.[1];
  expect(size).toBeDefined();
  const totals = new Set(progress.map((seen) => seen.split(' ')[0]));
  expect(totals.size).toBe(1);
  expect(progress.every((seen) => seen.endsWith(`of ${size} MB`))).toBe(true);
  // Once loaded, the bar is gone.
  await expect(page.getByText(/Loading the on-device reader/)).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a photo with no card in it says what the reader looked for, not that the photo is poor', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new CardlensPage(page);
  await app.open();
  const blank = await drawCardPhoto(page, '', '');
  await app.drop([{ name: 'no-card.png', mimeType: 'image/png', buffer: blank }]);
  await expect(page.getByText(/Read on this device\. Looked for a card number/).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/well-lit/)).toHaveCount(0);
});
