import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { BAD_INPUTS_DIR, badInputs, writeBadInputs } from '../scripts/bad-inputs';
import { CardlensPage, sampleBytes } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL, sandboxLog } from './support/sandbox-server';

test.beforeAll(() => writeBadInputs()); // creates the large files the repository does not carry

test('every bad input is refused with its own message, none reaches the service, and the good card completes', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const inputs = badInputs();
  expect(inputs.length).toBeGreaterThanOrEqual(30);
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
  for (const input of inputs) {
    const item = app.queueItem(input.name);
    await expect(item.getByText('Not sent', { exact: true }), input.name).toBeVisible();
    const message = (await item.innerText()).trim();
    expect(message, input.name).toContain(`“${input.name}”`);
    expect(message, input.name).toMatch(input.says);
    messages.add(message);
  }
  expect(messages.size).toBe(inputs.length);
  // The batch counts only the card it sent, and says how many files it did not.
  await page.getByRole('tab', { name: /^Batch/ }).click();
  await expect(page.getByText(`1/1 finished, 0 failed · ${inputs.length} not sent`)).toBeVisible();

  const posts = (await sandboxLog()).log.filter((entry) => entry.method === 'POST');
  expect(posts).toHaveLength(1);
  expect(posts[0].resultCode).toBe(0);
  expect(app.problems).toEqual([]);
  await app.screenshot('bad-inputs');
});
