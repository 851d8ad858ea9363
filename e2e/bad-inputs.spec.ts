import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BAD_INPUTS_DIR, badInputs, writeBadInputs } from '../scripts/bad-inputs';
import { CardlensPage, sampleBytes } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL, sandboxLog } from './support/sandbox-server';

test.beforeAll(() => writeBadInputs()); // creates the large files the repository does not carry

test('every bad input is refused with its own message, none reaches the service, the valid odd ones are sent, and the good card completes', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const inputs = badInputs();
  const refused = inputs.filter((input) => !input.accepted);
  const accepted = inputs.filter((input) => input.accepted);
  expect(refused.length).toBeGreaterThanOrEqual(30);
  // A 16-bit PNG (RGB and RGBA) and a CMYK JPEG: valid files the service reads, sent with a caution.
  expect(accepted.map((input) => input.name).sort()).toEqual(['deep-colour-rgba.png', 'deep-colour.png', 'print.jpg']);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await resetSandbox();

  await app.drop([
    ...inputs.map((input) => ({
      name: input.name,
      mimeType: 'application/octet-stream',
      buffer: readFileSync(join(BAD_INPUTS_DIR, input.name)),
    })),
    { name: 'good-card.png', mimeType: 'image/png', buffer: sampleBytes('credit-card.png') },
  ]);
  await app.waitForDone('good-card.png');

  const messages = new Set<string>();
  for (const input of refused) {
    const item = app.queueItem(input.name);
    await expect(item.getByText('Not sent', { exact: true }), input.name).toBeVisible();
    const message = (await item.innerText()).trim();
    expect(message, input.name).toContain(`“${input.name}”`);
    expect(message, input.name).toMatch(input.says);
    messages.add(message);
  }
  expect(messages.size).toBe(refused.length);
  // Sent unchanged, with a caution: the sandbox knows only its samples, so it answers "no card found",
  // which it can say only after decrypting the upload and finding a JPEG or PNG of at most 20 MB in it.
  for (const input of accepted) {
    const item = app.queueItem(input.name);
    await expect(item.getByText('Failed', { exact: true }), input.name).toBeVisible({ timeout: 30_000 });
    await expect(item, input.name).toContainText(input.says);
  }
  // The batch counts the cards it sent, and says how many files it did not.
  await page.getByRole('tab', { name: /^Batch/ }).click();
  const sent = accepted.length + 1;
  await expect(
    page.getByText(`${sent}/${sent} finished, ${accepted.length} failed · ${refused.length} not sent`),
  ).toBeVisible();

  const posts = (await sandboxLog()).log.filter((entry) => entry.method === 'POST');
  expect(posts).toHaveLength(sent);
  expect(posts.map((entry) => entry.resultCode).sort()).toEqual([0, ...accepted.map(() => 4000111)]);
  expect(app.problems).toEqual([]);
  await app.screenshot('bad-inputs');
});
