import { expect, test } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';

test('rule badges sit on the failing boxes of the specimens, and nowhere else', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.onSpecimenDay();
  await app.open();
  const failing = async () =>
    ((await app.viewer())?.badges ?? []).filter((b) => b.kind === 'fail').map((b) => b.fieldId);

  await app.analyseSample('Low-resolution credit card');
  await app.waitForDone('credit-card-low-res.png');
  await expect.poll(failing).toEqual(['validThru']);
  await page.getByRole('button', { name: '✗ Rule failures: 1' }).click();
  await expect(page.getByRole('list', { name: 'Rules' }).getByText('Expired at the end of 05/2025.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Rules' }).getByText('Brand: American Express.')).toBeVisible();
  await app.screenshot('rules-expired-card');

  for (const [title, file] of [
    ['Credit card', 'credit-card.png'],
    ['Resident registration card', 'id-resident.png'],
    ["Driver's licence", 'id-driver.png'],
    ['Passport', 'id-passport.png'],
  ]) {
    await app.analyseSample(title);
    await app.waitForDone(file);
    await expect.poll(failing).toEqual([]);
    const rules = (await app.viewer())!.rules;
    expect(rules.filter((r) => r.outcome === 'pass').length).toBeGreaterThan(0);
  }
});
