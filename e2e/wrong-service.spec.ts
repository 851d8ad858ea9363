import { expect, test } from '@playwright/test';
import { drawCardPhoto } from './support/card-photo';
import { CardlensPage } from './support/cardlens-page';

// A credit card sent as an ID card fails; where this device reads a card number on it, the card says so and
// goes to the credit-card service at one click. The sandbox reads a photo that is not a specimen on the device,
// as the service it was sent to: as an ID card it finds none.

test('a credit card sent as an ID card says it looks like a credit card, and is sent as one at one click', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await app.service('ID card').check();
  const card = await drawCardPhoto(page, '5555555555554444', '11/28');
  await app.drop([{ name: 'wallet.png', mimeType: 'image/png', buffer: card }]);
  const row = app.queueItem('wallet.png');
  await expect(row.getByText('Failed', { exact: true })).toBeVisible({ timeout: 60_000 });
  const said = row.getByText('This looks like a credit card: this device read a card number on it.');
  await expect(said).toBeVisible({ timeout: 60_000 });
  // In presentation mode as always, the suggestion names a service, never the number it read.
  await expect(row).not.toContainText(/\d{4}/);
  await expect(page.locator('.canvas-status')).toContainText('This looks like a credit card');
  await row.getByRole('button', { name: 'Send as a credit card: wallet.png' }).click();
  await app.waitForDone('wallet.png');
  await expect(said).toHaveCount(0);
  expect(app.problems).toEqual([]);
});
