import { expect, type Page, type Worker } from '@playwright/test';
import { CardlensPage } from './cardlens-page';

/**
 * Opens the app at `url`, runs a specimen on the built-in sandbox (which starts its worker), and answers
 * whether the page and every worker it started are cross-origin isolated: each needs the headers on its
 * own answer.
 */
export async function isolation(page: Page, url: string): Promise<{ page: boolean; workers: boolean[] }> {
  const workers: Worker[] = [];
  page.on('worker', (worker) => workers.push(worker));
  const app = new CardlensPage(page);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  return {
    page: await page.evaluate(() => crossOriginIsolated),
    workers: await Promise.all(workers.map((worker) => worker.evaluate(() => self.crossOriginIsolated))),
  };
}
