import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';
import { drawIdCard, LICENCE, ownCopy, RESIDENT_CARD } from './support/korean-id-card';

// Korean ID cards drawn at test time (e2e/support/korean-id-card.ts), read by the default sandbox's on-device
// reader with their Hangul fields; nothing leaves the origin.

test("resident cards, driver's licences and a passport are read on this device with their Hangul fields", async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  const leaving: string[] = [];
  context.on('request', (request) => {
    if (!/^(?:http:\/\/127\.0\.0\.1|blob:|data:)/.test(request.url())) leaving.push(request.url());
  });
  const app = new CardlensPage(page);
  await app.open();
  await app.service('ID card').check();
  const specimen = (file: string) => readFile(`public/samples/${file}`).then((bytes) => ownCopy(page, bytes));
  const cards = [
    {
      name: 'my-resident-card.png',
      image: await drawIdCard(page, RESIDENT_CARD),
      want: { name: ['홍길동'], issuer: ['서울특별시 종로구청장'] },
    },
    {
      name: 'my-licence.png',
      image: await drawIdCard(page, LICENCE),
      want: { name: ['김민준'], issuer: ['서울특별시경찰청장'], licenseType: ['1종 보통'] },
    },
    // A copy of the licence specimen, which prints its classes before the number, its condition, and a watermark.
    {
      name: 'my-licence-copy.png',
      image: await specimen('id-driver.png'),
      want: { name: ['김견본'], licenseType: ['1종 보통'], condition: ['A'], issuer: ['서울특별시경찰청장'] },
    },
    {
      name: 'my-passport-copy.png',
      image: await specimen('id-passport.png'),
      want: { koreanName: ['홍길동'], passportNo: ['M70689098'], countryCode: ['KOR'] },
    },
  ];
  for (const card of cards) {
    await app.drop([{ name: card.name, mimeType: 'image/png', buffer: card.image }]);
    await expect(app.queueItem(card.name).getByText('Done', { exact: true })).toBeVisible({ timeout: 150_000 });
    await page.getByRole('button', { name: `Open ${card.name}` }).click();
    const show = page.getByRole('checkbox', { name: 'Show values' });
    if (!(await show.isChecked())) await show.check();
    await expect(page.getByRole('note').filter({ hasText: 'Read on this device, not by NHN' })).toBeVisible();
    const probe = await app.settledViewer();
    for (const [key, values] of Object.entries(card.want)) {
      const fields = probe.fields.filter((f) => f.key === key);
      expect(
        fields.map((f) => f.value),
        key,
      ).toEqual(values);
      expect(fields.every((f) => f.quad)).toBe(true);
    }
    // The note names only what was truly not read: none of the Hangul fields here.
    await expect(page.getByRole('note').filter({ hasText: /Not read:.*(Name|Issuer|Licence|Korean)/ })).toHaveCount(0);
  }
  expect(leaving).toEqual([]);
  expect(app.problems).toEqual([]);
});
