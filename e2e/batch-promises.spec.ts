import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CardlensPage, sampleBytes } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL, sandboxLog, setSandboxFaults } from './support/sandbox-server';

// What the batch screen promises, held while cards are queued, in flight, failed or cancelled.

test.beforeEach(resetSandbox);
test.afterEach(resetSandbox);

const copies = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    name: `card-${String(i).padStart(2, '0')}.png`,
    mimeType: 'image/png',
    buffer: sampleBytes('credit-card.png'),
  }));

async function onSandboxServer(app: CardlensPage): Promise<void> {
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await app.page.getByRole('button', { name: /^Connection:/ }).click();
}

const posts = async () => (await sandboxLog()).log.filter((e) => e.method === 'POST');

/** A 12-megapixel phone-like photo (noise compresses badly, as real detail does), made in the page. */
async function phonePhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const ctx = canvas.getContext('2d')!;
    const noise = new ImageData(4000, 3000);
    for (let i = 0; i < noise.data.length; i += 4) {
      const v = (i * 2654435761) >>> 24;
      noise.data.set([v, (v * 7) & 255, (v * 13) & 255, 255], i);
    }
    ctx.putImageData(noise, 0, 0);
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 })).arrayBuffer(),
    );
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

test('Cancel the rest with 40 large files still being checked: no request leaves but those in flight', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'cardlens-cancel-'));
  try {
    const app = new CardlensPage(page);
    await onSandboxServer(app);
    const photo = await phonePhoto(page);
    const paths = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const path = join(dir, `photo-${String(i).padStart(2, '0')}.jpg`);
        await writeFile(path, photo);
        return path;
      }),
    );
    // Noise holds no card: the server answers so at once, as its reader would after seconds of reading a
    // 12-megapixel photo, seconds in which it would answer nothing else and a card could finish before
    // the second is in flight. Slow answers keep both in flight until the cancel.
    await setSandboxFaults({ latencyMs: 3000, resultCode: 4000111 });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().startsWith(SANDBOX_URL)) sent.push(request.url());
    });
    await page.getByLabel('Card image files').setInputFiles(paths);
    await expect.poll(async () => (await sandboxLog()).maxInFlight, { timeout: 30_000, intervals: [20] }).toBe(2);
    await page.getByRole('button', { name: 'Cancel the rest' }).click();
    // Nothing is left in progress: the button that cancels it has nothing to do.
    await expect(page.getByRole('button', { name: 'Cancel the rest' })).toBeDisabled({ timeout: 30_000 });
    // The two in flight were let go, but the server still answers them: once it has answered every
    // request that reached it, its log holds all that was sent.
    await expect.poll(async () => (await sandboxLog()).inFlight, { timeout: 30_000 }).toBe(0);
    expect(await posts()).toHaveLength(2);
    expect(sent).toHaveLength(2);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a batch keeps the connection it started with, until told to move the rest', async ({ page }) => {
  const app = new CardlensPage(page);
  await onSandboxServer(app);
  await setSandboxFaults({ latencyMs: 800 });
  await page.getByRole('tab', { name: /^Batch/ }).isVisible();
  await app.drop(copies(8));
  await page.getByLabel('Concurrency').fill('1');
  // Typing a new secret mid-batch: the rest still goes with the one the batch started with.
  await app.connect({ endpoint: 'Custom URL', secretKey: 'typed-halfway' });
  const prompt = page.getByRole('alert').filter({ hasText: /cards not yet sent will still go through/ });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Keep their connection' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^8\/8 finished, 0 failed/ })).toBeVisible({
    timeout: 30_000,
  });
  expect((await posts()).map((e) => e.resultCode)).toEqual(Array(8).fill(0));

  // Another batch, and this time the rest follows the new settings.
  await resetSandbox();
  await setSandboxFaults({ latencyMs: 800 });
  await app.connect({ endpoint: 'Custom URL', secretKey: 'sandbox' });
  await app.drop(copies(4));
  await app.sendAgain();
  await app.connect({ endpoint: 'Custom URL', secretKey: 'wrong-now' });
  await page.getByRole('button', { name: 'Send them with the new connection' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^12\/12 finished/ })).toBeVisible({ timeout: 30_000 });
  const codes = (await posts()).map((e) => e.resultCode);
  expect(codes[0]).toBe(0);
  expect(codes.slice(1)).toEqual(Array(codes.length - 1).fill(4010001));
});

test('leaving the page asks first while a result has not been exported', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.type());
    void dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
});

for (const choice of ['Export redacted', 'Export unredacted'] as const) {
  test(`after ${choice === 'Export unredacted' ? 'a full export leaving the page asks nothing' : 'a redacted export leaving the page still asks'}`, async ({
    page,
  }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.analyseSample('Credit card');
    await app.waitForDone('credit-card.png');
    await page.getByRole('tab', { name: /^Batch/ }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await page.getByRole('dialog').getByRole('button', { name: choice }).click();
    await download;
    const asked: string[] = [];
    page.on('dialog', (dialog) => {
      asked.push(dialog.type());
      void dialog.dismiss();
    });
    // The page either asks or, asking nothing, closes.
    const left = new Promise<'asked' | 'closed'>((resolve) => {
      page.once('dialog', () => resolve('asked'));
      page.once('close', () => resolve('closed'));
    });
    await page.close({ runBeforeUnload: true });
    // A redacted file keeps no full value: the results are still only in this page.
    expect(await left).toBe(choice === 'Export redacted' ? 'asked' : 'closed');
    expect(asked).toEqual(choice === 'Export redacted' ? ['beforeunload'] : []);
  });
}

test('retry reads the file again, and a file deleted since says so on its row', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'cardlens-retry-'));
  const path = join(dir, 'card.png');
  await writeFile(path, sampleBytes('credit-card.png'));
  try {
    const app = new CardlensPage(page);
    await app.open();
    await page.evaluate(async () => (await window.__cardlens!.sandbox()).setFaults({ resultCode: 5000503, times: 1 }));
    await page.getByLabel('Card image files').setInputFiles(path);
    await expect(app.queueItem('card.png').getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
    await rm(path);
    await app.queueItem('card.png').getByRole('button', { name: 'Retry' }).click();
    await expect(app.queueItem('card.png').getByText(/could not be read again/)).toBeVisible();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const progress = (page: Page) => page.getByRole('status').filter({ hasText: /finished/ });
const cardsPerMinute = async (page: Page) => Number(/([\d.]+) cards\/min/.exec(await progress(page).innerText())![1]);

test('the rate counts time spent sending, not the wait between drops, and no time left is shown while nothing runs', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await page.clock.install();
  await onSandboxServer(app);
  await setSandboxFaults({ latencyMs: 300 });
  await app.drop(copies(4));
  await expect(progress(page)).toHaveText(/^4\/4 finished, 0 failed · [\d.]+ cards\/min$/, { timeout: 30_000 });
  const rate = await cardsPerMinute(page);

  // Ten minutes away, then back to the table: the rate is the one the work made.
  await page.clock.fastForward('10:00');
  await page.getByRole('tab', { name: /^Card/ }).click();
  await page.getByRole('tab', { name: /^Batch/ }).click();
  expect(await cardsPerMinute(page)).toBe(rate);

  // Paused with cards waiting, nothing runs: no time left is counted down.
  await page.getByRole('button', { name: 'Pause' }).click();
  await setSandboxFaults({ latencyMs: 2000 });
  await app.drop(copies(2).map((file) => ({ ...file, name: `second-${file.name}` })));
  // The same image as the first four: sent again only as asked.
  await app.sendAgain();
  const table = page.getByRole('table', { name: 'Results' });
  await expect(table.getByText('Queued', { exact: true })).toHaveCount(2);
  await expect(progress(page)).toHaveText(/^4\/6 finished, 0 failed · [\d.]+ cards\/min · paused$/);

  // Sent, two cards at that rate take seconds, not the minutes the wait would have made of them.
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(progress(page)).toHaveText(/about \d+ s left/, { timeout: 30_000 });
  const left = Number(/about (\d+) s left/.exec(await progress(page).innerText())![1]);
  expect(left).toBeLessThan(30);
  await expect(progress(page)).toHaveText(/^6\/6 finished, 0 failed · [\d.]+ cards\/min$/, { timeout: 30_000 });
});

test('files still being checked count in the total from the moment they are dropped', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  // Every text the summary shows, as it changes.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { __summaries: seen });
    new MutationObserver(() => {
      const text = document.querySelector('.batch-progress')?.textContent;
      if (text && text !== seen.at(-1)) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.drop(copies(6));
  await expect(progress(page)).toHaveText(/^6\/6 finished/, { timeout: 30_000 });
  const seen = await page.evaluate(() => (window as unknown as { __summaries: string[] }).__summaries);
  expect(seen.length).toBeGreaterThan(0);
  for (const text of seen) expect(text).toMatch(/^\d\/6 finished, 0 failed/);
});

test('cancelled cards are counted, found by the filter, and resumed by one button', async ({ page }) => {
  const app = new CardlensPage(page);
  await onSandboxServer(app);
  await setSandboxFaults({ latencyMs: 1000 });
  await app.drop(copies(6));
  await page.getByLabel('Concurrency').fill('1');
  await expect(progress(page)).toHaveText(/^[1-4]\/6 finished/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Cancel the rest' }).click();
  await expect(page.getByRole('button', { name: 'Cancel the rest' })).toBeDisabled({ timeout: 30_000 });
  const done = Number(/^(\d)\//.exec(await progress(page).innerText())![1]);
  const cancelled = 6 - done;
  await expect(progress(page)).toHaveText(new RegExp(`^${done}/6 finished, 0 failed · ${cancelled} cancelled`));

  await page.getByLabel('Show').selectOption({ label: 'Failed, cancelled or not sent' });
  const table = page.getByRole('table', { name: 'Results' });
  await expect(table.getByText('Cancelled', { exact: true })).toHaveCount(cancelled);
  await expect(table.getByText('Done', { exact: true })).toHaveCount(0);

  await setSandboxFaults({});
  await page.getByRole('button', { name: `Resume cancelled (${cancelled})` }).click();
  await expect(progress(page)).toHaveText(/^6\/6 finished, 0 failed/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /Resume cancelled/ })).toHaveCount(0);
  await page.getByLabel('Show').selectOption({ label: 'All cards' });
  await expect(table.getByText('Done', { exact: true })).toHaveCount(6);
});

test('card navigation counts and walks only the cards with something to show', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  const [first, second] = copies(2);
  const notAnImage = { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not an image') };
  await app.drop([first, notAnImage, second]);
  await expect(progress(page)).toHaveText(/^2\/2 finished, 0 failed · 1 not sent/, { timeout: 30_000 });
  await page.getByRole('tab', { name: /^Card/ }).click();
  const next = page.getByRole('button', { name: /Next card/ });
  await expect(page.getByText('1/2', { exact: true })).toBeVisible();
  await next.click();
  await expect(page.getByText('2/2', { exact: true })).toBeVisible();
  await expect(next).toBeDisabled();
  await page.keyboard.press('[');
  await expect(page.getByText('1/2', { exact: true })).toBeVisible();
});
