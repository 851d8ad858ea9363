import { expect, test } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL } from './support/sandbox-server';

// The build's policy would block this host as well: set it aside, so that only the app's own guard
// stands between the secret key and the network.
test.use({ bypassCSP: true });
test.beforeEach(resetSandbox);

/** TEST-NET-1, never routed: every request for it is caught and counted here, and none leaves. */
const REMOTE = 'http://192.0.2.1:8080';
const CONFIRM = 'Send my secret key over plain HTTP to this host';

test('plain HTTP to another computer: the panel warns, and nothing is sent until that is confirmed', async ({
  page,
}) => {
  const sent: string[] = [];
  await page.route(
    (url) => url.hostname === '192.0.2.1',
    (route) => {
      sent.push(`${route.request().method()} ${route.request().url()}`);
      return route.abort('connectionrefused');
    },
  );
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: `${REMOTE}/`, secretKey: 'not-for-the-wire' });

  await expect(page.getByLabel('Base URL')).toHaveAccessibleDescription(
    /^Plain HTTP to another computer: your secret key or access token would cross the network unencrypted, readable by anyone on the way to 192\.0\.2\.1:8080\./,
  );
  const confirm = page.getByRole('checkbox', { name: CONFIRM });
  await expect(confirm).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Check connection' })).toBeDisabled();

  // A card sent now stops before the network and says why.
  await app.analyseSample('Credit card');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was sent' })).toContainText(
    'Nothing was sent: this Custom URL is plain HTTP to another computer',
  );
  expect(sent).toEqual([]);

  // In Korean too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByLabel('기본 URL')).toHaveAccessibleDescription(
    /^다른 컴퓨터로 가는 암호화되지 않은 HTTP입니다/,
  );
  await expect(
    page.getByRole('checkbox', { name: '이 호스트로 시크릿 키를 암호화되지 않은 HTTP로 보내기' }),
  ).toBeVisible();
  await app.useEnglish();
  expect(sent).toEqual([]);

  // Once confirmed, requests go there (and are caught above): the guard was all that held them back.
  await confirm.check();
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect
    .poll(() => sent.find((s) => s.includes('/public-keys/')))
    .toMatch(/^GET http:\/\/192\.0\.2\.1:8080\/v2\.0\/appkeys\/sandbox\/public-keys\//);

  // The confirmation is for that origin only.
  await page.getByLabel('Base URL').fill('http://192.0.2.1:8081/');
  await expect(page.getByRole('checkbox', { name: CONFIRM })).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Check connection' })).toBeDisabled();
});

test('http:// to this computer (127.0.0.1, localhost) needs no warning', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  const url = page.getByLabel('Base URL');
  await expect(url).toHaveAccessibleDescription('');
  await expect(page.getByRole('checkbox', { name: CONFIRM })).toHaveCount(0);
  await page.getByRole('button', { name: 'Check connection' }).click();
  await expect(page.getByText('2048 bit')).toHaveCount(2);

  await url.fill('http://localhost:8787');
  await expect(url).toHaveAccessibleDescription('');
  await expect(page.getByRole('checkbox', { name: CONFIRM })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Check connection' })).toBeEnabled();
});
