import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['en', 'ko'] as const) {
  test(`no serious axe violations on the connection, analyze and viewer screens (${lang})`, async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await page.getByRole('combobox', { name: /Language|언어/ }).selectOption(lang);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: lang === 'en' ? /^Connection:/ : /^연결:/ }).click();
    await page.getByRole('button', { name: lang === 'en' ? 'Check connection' : '연결 확인' }).click();
    await expect(page.getByText('2048 bit')).toHaveCount(2);
    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('button', {
        name: lang === 'en' ? 'Analyse sample: Resident registration card' : '견본 분석: 주민등록증',
      })
      .click();
    await expect(page.getByText(lang === 'en' ? 'Done' : '완료', { exact: true })).toBeVisible({ timeout: 30_000 });
    expect(await seriousViolations(page)).toEqual([]);
    await app.screenshot(`viewer-${lang}`);
  });
}
