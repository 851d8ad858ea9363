import { expect, test } from '@playwright/test';

// The app as visitors get it, service worker included (the other specs block it: playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test('the built app renders its shell with no console errors', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  expect(problems).toEqual([]);
});
