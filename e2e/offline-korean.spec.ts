import { expect, test } from '@playwright/test';
import { READER_CACHE } from '../vite.config';
import { CardlensPage } from './support/cardlens-page';
import { drawIdCard, LICENCE, RESIDENT_CARD, type Line } from './support/korean-id-card';
import { cachedRequests, controlled } from './support/service-worker';

// The Korean recogniser offline: its files are cached by the service worker the first time an ID card's
// Hangul is read, and the next ID card reads its Hangul with no network at all.
test.use({ serviceWorkers: 'allow' });

const pathOf = (url: string) => new URL(url).pathname;

/** The Korean recogniser's files by what they are, whatever their names and hashes. */
const HANGUL_FILES: [string, RegExp][] = [
  ['kor data', /kor\.traineddata[^/]*\.gz$/],
  ['core', /tesseract-core[^/]*\.js$/],
  ['worker', /worker\.min-[^/]*\.js$/],
];
const hangulFile = (path: string) => HANGUL_FILES.find(([, pattern]) => pattern.test(path))?.[0];

test("after one ID card read online, another ID card's Hangul is read with the network cut", async ({
  page,
  context,
}) => {
  test.setTimeout(360_000);
  const app = new CardlensPage(page);
  await app.open();
  await controlled(page);
  await app.service('ID card').check();

  const read = async (name: string, lines: Line[]) => {
    await app.drop([{ name, mimeType: 'image/png', buffer: await drawIdCard(page, lines) }]);
    await app.waitForDone(name, 150_000);
    await page.getByRole('button', { name: `Open ${name}` }).click();
    const show = page.getByRole('checkbox', { name: 'Show values' });
    if (!(await show.isChecked())) await show.check();
    await expect(page.getByRole('note').filter({ hasText: 'Read on this device, not by NHN' })).toBeVisible();
    const probe = await app.settledViewer();
    return (key: string) => probe.fields.filter((f) => f.key === key).map((f) => f.value);
  };

  const online = await read('online-resident-card.png', RESIDENT_CARD);
  expect(online('issuer')).toEqual(['서울특별시 종로구청장']);
  // Cached on first use: the recogniser's data, core and worker (each is written just after its answer, so poll).
  await expect
    .poll(async () =>
      (await cachedRequests(page))
        .filter((r) => r.cache === READER_CACHE)
        .flatMap((r) => hangulFile(pathOf(r.url)) ?? [])
        .sort(),
    )
    .toEqual(['core', 'kor data', 'worker']);

  const failed: string[] = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await app.service('ID card').check();

  const offline = await read('offline-licence.png', LICENCE);
  expect(offline('issuer')).toEqual(['서울특별시경찰청장']);
  expect(offline('licenseType')).toEqual(['1종 보통']);
  expect(failed).toEqual([]);
  expect(app.problems).toEqual([]);
});
