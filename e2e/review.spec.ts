import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { CardlensPage, sampleBytes } from './support/cardlens-page';

const asFile = (file: string) => ({ name: file, mimeType: 'image/png', buffer: sampleBytes(file) });

/** Every record kept in the reviews' IndexedDB store, as one JSON text ('' when there is no store). */
function keptReviews(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('cardlens-review');
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('cards')) return resolve('');
          const all = db.transaction('cards').objectStore('cards').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(JSON.stringify(all.result));
          };
        };
        open.onerror = () => resolve('');
      }),
  );
}

test('a batch reviewed by keyboard alone survives a reload, reports what a hand count says, and reopens from its session', async ({
  page,
  browser,
}) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.drop([asFile('credit-card.png'), asFile('credit-card-angled.png')]);
  await expect(page.getByRole('status').filter({ hasText: /finished/ })).toHaveText(/^2\/2 finished/, {
    timeout: 30_000,
  });
  await page.getByRole('tab', { name: 'Card' }).click();
  await expect.poll(async () => (await app.viewer())?.fields.length).toBe(6);
  // Without this, nothing of the review outlives the page.
  const keep = page.getByRole('checkbox', { name: /^Keep reviews on this device/ });
  await keep.check();
  await keep.blur(); // the shortcuts below are not for a focused control

  // Card 1 (credit-card.png): J Y J Y J X "1112" ⏎ J B  → 2 correct, 1 wrong value, 1 wrong box.
  await page.locator('body').focus();
  for (const key of ['j', 'y', 'j', 'y', 'j', 'x']) await page.keyboard.press(key);
  await page.keyboard.type('1112');
  await page.keyboard.press('Enter');
  for (const key of ['j', 'b']) await page.keyboard.press(key);
  await expect
    .poll(async () => Object.values((await app.viewer())!.verdicts))
    .toEqual(['correct', 'correct', 'wrong-value', 'wrong-box']);

  // N jumps to the next field under the threshold or with a rule failure; ] moves to card 2.
  await page.keyboard.press(']');
  await expect.poll(async () => (await app.viewer())?.fields[0].value).toBe('5555');
  await page.keyboard.press('n');
  await expect.poll(async () => (await app.viewer())?.selectedId).toBe('cardNums.3'); // 69%, the only field under 80%
  await page.keyboard.press('y');
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  // Hand count: cardNum 5 reviewed, 4 right (a wrong box keeps a right value), 1 wrong box → 80%.
  const checkReport = async (p = page) => {
    await p.getByRole('tab', { name: 'Report' }).click();
    const table = p.getByRole('table', { name: 'Accuracy' });
    await expect(table.getByRole('row', { name: /Card number/ })).toHaveText(/Card number\s*5\s*4\s*80%\s*1\s*80%/);
    await expect(p.getByText('Observed accuracy by confidence')).toHaveCount(1);
    await expect(p.getByRole('img', { name: 'Threshold what-if' })).toBeVisible();
  };
  await checkReport();
  await app.screenshot('review-report');

  // Kept verdicts are filed by image hash: after a reload they return with the card. The kept entry
  // holds the review only, no file name (the files here carry the specimens' names).
  await expect.poll(() => keptReviews(page)).toContain('"correction":"1112"');
  expect(await keptReviews(page)).not.toContain('.png');
  await page.reload();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  await expect
    .poll(async () => Object.values((await app.viewer())!.verdicts))
    .toEqual(['correct', 'correct', 'wrong-value', 'wrong-box']);
  await checkReport();

  // Export the session (redacted), open a fresh browser, import it with its images: no API call.
  await page.getByRole('tab', { name: 'Batch' }).click();
  await app.drop([asFile('credit-card-angled.png')]);
  await expect(page.getByRole('status').filter({ hasText: /finished/ })).toHaveText(/^2\/2 finished/, {
    timeout: 30_000,
  });
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.getByRole('button', { name: 'Export session' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export redacted' }).click();
  const sessionText = readFileSync(await (await download).path(), 'utf8');
  expect(sessionText).not.toContain('4111111111111111');
  expect(sessionText).not.toContain('.png'); // cards are named by their image's hash

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherApp = new CardlensPage(other);
  await otherApp.open();
  await other.getByRole('tab', { name: 'Report' }).click();
  await other
    .getByLabel('Import session (.zip, or JSON and its images)')
    .setInputFiles([
      { name: 'session.json', mimeType: 'application/json', buffer: Buffer.from(sessionText) },
      asFile('credit-card.png'),
      asFile('credit-card-angled.png'),
    ]);
  await expect(other.getByText('Imported 2 cards without calling the API.')).toBeVisible();
  await checkReport(other);
  await other.getByRole('tab', { name: 'Card' }).click();
  await expect(other.getByText('imported', { exact: true })).toBeVisible();
  expect(otherApp.problems).toEqual([]);
  await fresh.close();

  // Turning keeping off deletes every kept review: the page still has them, a reload does not.
  await page.getByRole('tab', { name: 'Card' }).click();
  await page.getByRole('checkbox', { name: /^Keep reviews on this device/ }).uncheck();
  await expect.poll(() => keptReviews(page)).toBe('[]');
  await page.reload();
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(page.getByText(/^No verdicts yet/)).toBeVisible();
  expect(app.problems).toEqual([]);
});
