import { expect, test, type Page } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';

// A card that is not a specimen, drawn at test time, read by the built-in sandbox's on-device reader.

/** A synthetic card: a Luhn-valid test number in four groups and an expiry, on a gradient, as a PNG. */
async function drawCard(page: Page, number: string, expiry: string): Promise<Buffer> {
  const base64 = await page.evaluate(
    async ({ number, expiry }) => {
      const canvas = new OffscreenCanvas(1000, 630);
      const ctx = canvas.getContext('2d')!;
      const sky = ctx.createLinearGradient(0, 0, 1000, 630);
      sky.addColorStop(0, '#1d3557');
      sky.addColorStop(1, '#457b9d');
      ctx.fillStyle = sky;
      ctx.fillRect(0, 0, 1000, 630);
      ctx.fillStyle = '#f1faee';
      ctx.font = 'bold 40px sans-serif';
      ctx.fillText('SPECIMEN BANK', 60, 100);
      ctx.font = '64px monospace';
      ctx.fillText(number.replace(/(\d{4})(?=\d)/g, '$1 '), 60, 360);
      ctx.font = '40px monospace';
      ctx.fillText(`VALID THRU ${expiry}`, 60, 470);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    },
    { number, expiry },
  );
  return Buffer.from(base64, 'base64');
}

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
      if (text.startsWith('Loading the on-device reader')) seen.push(`${bar!.value}/${bar!.max}`);
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const app = new CardlensPage(page);
  await app.open();
  const card = await drawCard(page, '5555555555554444', '11/28');
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
  // Once loaded, the bar is gone.
  await expect(page.getByText(/Loading the on-device reader/)).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('a photo with no card in it says what the reader looked for, not that the photo is poor', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new CardlensPage(page);
  await app.open();
  const blank = await drawCard(page, '', '');
  await app.drop([{ name: 'no-card.png', mimeType: 'image/png', buffer: blank }]);
  await expect(page.getByText(/Read on this device\. Looked for a card number/).first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/well-lit/)).toHaveCount(0);
});
