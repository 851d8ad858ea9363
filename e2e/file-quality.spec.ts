import { expect, test } from '@playwright/test';
import type {} from '../src/app/test-hooks';
import { drawCardPhoto } from './support/card-photo';
import { CardlensPage, sampleBytes } from './support/cardlens-page';
import { SANDBOX_URL } from './support/sandbox-server';

// The check before sending predicts each dropped photo's quality with the camera's measures: blurred, glare
// over the number, below the recommended resolution. It warns; the built-in sandbox plays the service.

test('a blurred photo is called blurred before it is sent, and the report says how often the resolution was predicted right', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: /Hold photos with no card-like text/ }).check();
  const sandboxPosts = () =>
    page.evaluate(
      async () => (await (await window.__cardlens!.sandbox()).log()).filter((e) => e.method === 'POST').length,
    );

  // A card in focus: nothing said of its quality.
  await app.drop([
    { name: 'sharp.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '5555555555554444', '11/28') },
  ]);
  // The reader's first load comes before the first check.
  await expect(app.queueItem('sharp.png').getByText('Done', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(app.queueItem('sharp.png')).not.toContainText('Checked before sending');
  await expect(page.getByTestId('quality-predicted')).toHaveText('no problem seen');

  // The same card blurred. Paused, the queue still checks the cards ahead, and sends nothing.
  await page.getByRole('tab', { name: /^Batch/ }).click();
  await page.getByRole('button', { name: 'Pause' }).click();
  const blurred = await drawCardPhoto(page, '5555555555554444', '11/28', 8);
  await app.drop([{ name: 'blurred.png', mimeType: 'image/png', buffer: blurred }]);
  const row = app.queueItem('blurred.png');
  await expect(row).toContainText('⚠ Checked before sending: blurred. NHN may misread it.', { timeout: 90_000 });
  await expect(row.getByText('Queued', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Results' }).getByTitle(/blurred\. NHN may misread it/)).toBeVisible();
  expect(await sandboxPosts()).toBe(1);

  // A warning holds nothing: resumed, the card is sent, and its result says what was predicted.
  await page.getByRole('button', { name: 'Resume' }).click();
  await app.waitForDone('blurred.png');
  await page.getByRole('tab', { name: 'Card' }).click();
  await expect(page.getByTestId('quality-predicted')).toHaveText('blurred');

  // The low-resolution specimen: predicted below 760×480, and the service says "low".
  await app.drop([{ name: 'small.png', mimeType: 'image/png', buffer: sampleBytes('credit-card-low-res.png') }]);
  await app.waitForDone('small.png');
  await expect(app.queueItem('small.png')).toContainText('below the recommended resolution (760×480)');
  await expect(page.getByTestId('quality-predicted')).toHaveText('below the recommended resolution (760×480)');

  // Those answers are this device's and a specimen's, whose resolution comes from the predicting rule itself:
  // the report counts none of them.
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(page.getByRole('heading', { name: 'Report', exact: true })).toBeVisible();
  await expect(page.getByTestId('resolution-agreement')).toHaveCount(0);

  // The service over HTTP (the sandbox server): its answers are the ones compared.
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  await app.drop([
    { name: 'small-sent.png', mimeType: 'image/png', buffer: sampleBytes('credit-card-low-res.png') },
    { name: 'sharp-sent.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '4012888888881881', '07/29') },
  ]);
  // The low-resolution specimen was dropped before: this time it goes to the service.
  await app.sendAgain();
  await app.waitForDone('small-sent.png', 90_000);
  await app.waitForDone('sharp-sent.png', 90_000);
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(page.getByTestId('resolution-agreement')).toHaveText(
    'Resolution predicted right on 2 of 2 answered cards.',
  );
  // In Korean too.
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByTestId('resolution-agreement')).toHaveText(
    '응답을 받은 카드 2장 중 2장에서 해상도 예측이 맞았습니다.',
  );
  expect(app.problems).toEqual([]);
});
