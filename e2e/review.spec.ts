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

  // Card 1 (credit-card.png): J Y Y X "1112" ⏎ B → 2 correct, 1 wrong value, 1 wrong box; each verdict moves on.
  await page.locator('body').focus();
  for (const key of ['j', 'y', 'y', 'x']) await page.keyboard.press(key);
  await page.keyboard.type('1112');
  await page.keyboard.press('Enter');
  await page.keyboard.press('b');
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

const finished = (page: Page) => page.getByRole('status').filter({ hasText: /finished/ });

/** Two cards dropped together, which lands on the Batch tab, both read. */
async function dropTwo(page: Page): Promise<CardlensPage> {
  const app = new CardlensPage(page);
  await app.open();
  await app.drop([asFile('credit-card.png'), asFile('credit-card-angled.png')]);
  await expect(finished(page)).toHaveText(/^2\/2 finished/, { timeout: 30_000 });
  return app;
}

test('the keys work or say where they work on every tab: ? opens the help, a review key points to the Card tab, C goes there', async ({
  page,
}) => {
  const app = await dropTwo(page);
  await expect(page.getByRole('tab', { name: /Batch/ })).toHaveAttribute('aria-selected', 'true');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const note = page.getByRole('status').filter({ hasText: 'Review keys work on the Card tab: press C to go there.' });

  await page.locator('body').focus();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help.getByRole('row', { name: /^A\b/ })).toContainText('Accept the card');
  await expect(help.getByRole('row', { name: /^C\b/ })).toContainText('Show the Card tab');
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);

  // A review key on the table: said, not swallowed; ] still moves through the rows.
  await expect(note).toHaveCount(0);
  await page.keyboard.press('j');
  await expect(note).toBeVisible();
  await page.keyboard.press(']');
  await expect(page.getByRole('row', { selected: true })).toContainText('credit-card-angled.png');

  // The report has no card to move through: ] says where it works too, and ? opens the help there as well.
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(note).toHaveCount(0);
  await page.keyboard.press(']');
  await expect(note).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);

  // One key to the Card tab, where the review keys act on the card the table selected.
  await page.keyboard.press('c');
  await expect(page.getByRole('tab', { name: 'Card' })).toHaveAttribute('aria-selected', 'true');
  await expect(note).toHaveCount(0);
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card-angled.png');
  await page.keyboard.press('j');
  await expect.poll(async () => (await app.viewer())?.selectedId).toBe('cardNums.0');
  expect(app.problems).toEqual([]);
});

test('Y, X and B move on to the next field, so a field costs one key; A and R accept or reject the card and move on', async ({
  page,
}) => {
  const app = await dropTwo(page);
  await page.getByRole('tab', { name: 'Card' }).click();
  await expect.poll(async () => (await app.viewer())?.fields.length).toBe(6);
  const selected = async () => (await app.viewer())?.selectedId;

  await page.keyboard.press('j');
  await expect.poll(selected).toBe('cardNums.0');
  await page.keyboard.press('y');
  await expect.poll(selected).toBe('cardNums.1');
  await page.keyboard.press('x');
  await page.keyboard.type('1117');
  await page.keyboard.press('Enter');
  await expect.poll(selected).toBe('cardNums.2');
  await page.keyboard.press('b');
  await expect.poll(selected).toBe('cardNums.3');
  await expect
    .poll(async () => (await app.viewer())?.verdicts)
    .toEqual({ 'cardNums.0': 'correct', 'cardNums.1': 'wrong-value', 'cardNums.2': 'wrong-box' });

  // The button does what its key does.
  await page.getByRole('button', { name: /^✓ Correct/ }).click();
  await expect.poll(selected).toBe('totalCardNum');

  // A accepts the card and shows the next; R rejects that one (the last, so it stays).
  await page.locator('body').focus();
  await page.keyboard.press('a');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card-angled.png');
  await page.keyboard.press('r');
  await expect(page.getByRole('button', { name: /^Reject card/ })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('[');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card.png');
  await expect(page.getByRole('button', { name: /^Accept card/ })).toHaveAttribute('aria-pressed', 'true');
  expect(app.problems).toEqual([]);
});

test('a held A accepts one card, not each card its repeats would show; a verdict key behind a dialog records nothing', async ({
  page,
}) => {
  const app = await dropTwo(page);
  await page.getByRole('tab', { name: 'Card' }).click();
  await expect.poll(async () => (await app.viewer())?.fields.length).toBe(6);
  await page.locator('body').focus();
  // The second and third downs come as the browser sends a held key: repeat is true.
  await page.keyboard.down('a');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card-angled.png');
  await page.keyboard.down('a');
  await page.keyboard.down('a');
  await page.keyboard.up('a');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('r');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByRole('button', { name: /^Accept card/ })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('button', { name: /^Reject card/ })).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('[');
  await expect.poll(async () => (await app.viewer())?.fileName).toBe('credit-card.png');
  await expect(page.getByRole('button', { name: /^Accept card/ })).toHaveAttribute('aria-pressed', 'true');
  expect(app.problems).toEqual([]);
});

test('X starts the correction from the value as shown, selected: the masked text while masked (never the value), the value once shown', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  await expect.poll(async () => (await app.viewer())?.fields.length).toBe(6);
  const box = page.getByRole('textbox', { name: 'Corrected value' });
  /** The box's text and whether all of it is selected, so that typing replaces it. */
  const draft = () =>
    box.evaluate((input: HTMLInputElement) => ({
      value: input.value,
      selected: input.selectionStart === 0 && input.selectionEnd === input.value.length,
      focused: document.activeElement === input,
    }));

  // Masked (the default): a middle group shows as dots, and the box starts from the dots.
  await page.locator('body').focus();
  for (const key of ['j', 'j', 'j']) await page.keyboard.press(key);
  const masked = (await app.viewer())!.fields.find((f) => f.id === 'cardNums.2')!;
  expect(masked.shown).toMatch(/^•+$/);
  await page.keyboard.press('x');
  expect(await draft()).toEqual({ value: masked.shown, selected: true, focused: true });
  expect((await draft()).value).not.toContain(masked.value);
  // Saved as it is, the dots would be taken for the value: the box says so and keeps the field.
  await expect(page.getByText(/^Values are masked, so this starts from the dots/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.keyboard.type('1117');
  await expect(page.getByRole('button', { name: 'Save' })).toBeEnabled();
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await app.viewer())?.verdicts['cardNums.2']).toBe('wrong-value');

  // Values shown: the box starts from the value itself, ready to edit.
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  await page.locator('body').focus();
  await page.keyboard.press('k'); // the save moved on to cardNums.3: back past the corrected field
  await page.keyboard.press('k');
  await expect.poll(async () => (await app.viewer())?.selectedId).toBe('cardNums.1');
  const clear = (await app.viewer())!.fields.find((f) => f.id === 'cardNums.1')!;
  await page.keyboard.press('x');
  expect(await draft()).toEqual({ value: clear.value, selected: true, focused: true });
  expect(app.problems).toEqual([]);
});

test('the review’s progress shows: fields left on the bar, each card’s mark in the queue and the table, and the moment every card is reviewed', async ({
  page,
}) => {
  const app = await dropTwo(page);
  const tableRow = (name: string) =>
    page.getByRole('table', { name: 'Results' }).getByRole('row').filter({ hasText: name });
  const progress = page.getByTestId('review-progress');
  const done = page.getByRole('status').filter({ hasText: /^Every card is reviewed/ });

  await page.getByRole('tab', { name: 'Card' }).click();
  await expect.poll(async () => (await app.viewer())?.fields.length).toBe(6);
  await expect(progress).toHaveText('6 of 6 fields left · 0 of 2 cards reviewed');
  await expect(app.queueItem('credit-card.png')).not.toContainText('In review');

  await page.locator('body').focus();
  for (const key of ['j', 'y', 'y']) await page.keyboard.press(key);
  await expect(progress).toHaveText('4 of 6 fields left · 0 of 2 cards reviewed');
  await expect(app.queueItem('credit-card.png')).toContainText('In review');
  for (const key of ['y', 'y', 'y', 'y']) await page.keyboard.press(key);
  await expect(progress).toHaveText(/^Every field is reviewed: A accepts the card, R rejects it\./);

  await page.keyboard.press('a');
  await expect(app.queueItem('credit-card.png')).toContainText('✓ Accepted');
  await expect(progress).toHaveText('6 of 6 fields left · 1 of 2 cards reviewed');
  await expect(done).toHaveCount(0);
  await page.keyboard.press('r');
  await expect(app.queueItem('credit-card-angled.png')).toContainText('✗ Rejected');

  // Every card reviewed: said on every tab, with what comes next.
  await expect(done).toHaveText(
    'Every card is reviewed: 1 accepted, 1 rejected. Next, export the session from the Report tab, or the table as CSV from the Batch tab. Open the report',
  );
  await page.getByRole('tab', { name: /Batch/ }).click();
  await expect(tableRow('credit-card.png')).toContainText('✓ Accepted');
  await expect(tableRow('credit-card-angled.png')).toContainText('✗ Rejected');
  await expect(done).toBeVisible();
  await done.getByRole('button', { name: 'Open the report' }).click();
  await expect(page.getByRole('button', { name: 'Export session' })).toBeVisible();
  expect(app.problems).toEqual([]);
});
