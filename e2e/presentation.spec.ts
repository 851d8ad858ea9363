import { expect, test, type Page } from '@playwright/test';
import type { SandboxFaults } from '@/sandbox';
import { closeReader, digitsIn } from './support/ocr';
import { CardlensPage } from './support/cardlens-page';

// Presentation mode and exports judged by an OCR engine that is not ours: the digits that masking
// hides must not be read back from the canvas or the PNG, in any state of the card.

test.afterAll(closeReader);

/** What masking hides of each specimen: the middle of the card number, the end of the resident number. */
const EXIF = { title: 'Photo with EXIF rotation', file: 'credit-card-exif6.jpg', hidden: '665566', expiry: '1230' };
const RESIDENT = { title: 'Resident registration card', file: 'id-resident.png', hidden: '234568' };

async function inBrowserSandbox(page: Page, faults: SandboxFaults): Promise<void> {
  await page.evaluate(async (f) => (await window.__cardlens!.sandbox()).setFaults(f), faults);
}

async function exportPng(page: Page, choice: 'Export redacted' | 'Export unredacted'): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await page.getByRole('dialog').getByRole('button', { name: choice }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The canvas once the card's picture is on it (the probe counts the canvas's draws). */
async function canvasShot(app: CardlensPage): Promise<Buffer> {
  await expect.poll(async () => (await app.viewer())?.crispDraws ?? 0).toBeGreaterThan(0);
  await app.page.waitForTimeout(200);
  return app.cardCanvas().screenshot();
}

test('the reader can read the hidden digits off an uncovered card, so the checks below can fail', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  expect(await digitsIn(await canvasShot(app))).toContain(EXIF.hidden);
  expect(await digitsIn(await exportPng(page, 'Export unredacted'))).toContain(EXIF.hidden);
});

test('a PNG export is redacted unless the full one is confirmed', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  const redacted = await digitsIn(await exportPng(page, 'Export redacted'));
  expect(redacted).not.toContain(EXIF.hidden);
  expect(redacted).toContain(EXIF.expiry);
});

test('presentation mode covers a card while it is in flight, in its export, and after its result', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await inBrowserSandbox(page, { latencyMs: 8000 });
  await app.analyseSample(EXIF.title);
  await expect(page.getByRole('status').filter({ hasText: /Sending|Encrypting|Preparing/ })).toBeVisible();
  expect(await digitsIn(await canvasShot(app))).not.toContain(EXIF.hidden);
  expect(await digitsIn(await exportPng(page, 'Export redacted'))).not.toContain(EXIF.hidden);
  await expect(page.getByRole('dialog')).toBeHidden();

  await inBrowserSandbox(page, {});
  await app.waitForDone(EXIF.file);
  await app.settledViewer();
  const after = await digitsIn(await canvasShot(app));
  expect(after).not.toContain(EXIF.hidden);
  // Once its fields are known, what lies outside them shows again: the expiry date is not sensitive.
  expect(after).toContain(EXIF.expiry);
  expect(await digitsIn(await exportPng(page, 'Export redacted'))).not.toContain(EXIF.hidden);
  // Only the redacted export is offered.
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Export unredacted' })).toBeDisabled();
});

test('in presentation mode a failed card and a cancelled card stay covered', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await inBrowserSandbox(page, { resultCode: 5000001 });
  await app.analyseSample(RESIDENT.title);
  await expect(app.queueItem(RESIDENT.file).getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await digitsIn(await canvasShot(app))).not.toContain(RESIDENT.hidden);

  await inBrowserSandbox(page, { latencyMs: 8000 });
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Cancelled').first()).toBeVisible();
  expect(await digitsIn(await canvasShot(app))).not.toContain(RESIDENT.hidden);
});

test('presentation mode offers neither raw pixels nor Copy', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  const raw = page.getByRole('checkbox', { name: /Boxes over raw pixels/ });
  await raw.check();
  await expect(page.getByRole('button', { name: /^Copy value of/ }).first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await expect(raw).toBeDisabled();
  await expect(raw).not.toBeChecked();
  await expect(page.getByRole('button', { name: /^Copy value of/ })).toHaveCount(0);
  expect(await digitsIn(await canvasShot(app))).not.toContain(EXIF.hidden);
});
