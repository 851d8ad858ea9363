import { expect, test } from '@playwright/test';
import { CardlensPage, sampleBytes } from './support/cardlens-page';

// The app as a page opened over plain HTTP from another computer: not a secure context, so the browser gives
// it no crypto.subtle and what it sends crosses the network in clear. The name never resolves: every request
// for it is answered here from the preview server on 127.0.0.1, and any other request is noted and stopped.
const HOST = 'cardlens.test:4173';
test.use({ baseURL: `http://${HOST}` });
// The build's policy would block a Custom URL as well: set it aside, so that only the app's own gate stands
// between the secret key and the network.
test.use({ bypassCSP: true });

const CREDENTIAL_HEADERS = ['authorization', 'x-nhn-authorization', 'symmetric-key'];
const REFUSAL = 'Nothing was sent: this page is not a secure context';

test('from a page that is not a secure context no credential leaves, whatever the endpoint, and each screen says why', async ({
  page,
  context,
}) => {
  const sent: string[] = [];
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const credentials = CREDENTIAL_HEADERS.filter((name) => request.headers()[name] !== undefined);
    if (url.host !== HOST || url.pathname.startsWith('/nhn-ocr') || credentials.length > 0) {
      sent.push(`${request.method()} ${request.url()} ${credentials.join(',')}`);
      return route.abort('connectionrefused');
    }
    return route.fulfill({ response: await route.fetch({ url: request.url().replace(HOST, '127.0.0.1:4173') }) });
  });
  const app = new CardlensPage(page);
  await app.open();
  expect(await page.evaluate(() => [window.isSecureContext, typeof crypto.subtle])).toEqual([false, 'undefined']);

  // The built-in sandbox, as a first-time visitor finds it: a specimen fails with the reason, not a TypeError.
  await app.analyseSample('Credit card');
  const failure = app.queueItem('credit-card.png');
  await expect(failure.getByText('Failed', { exact: true })).toBeVisible();
  const notice = page.getByRole('alert').filter({ hasText: REFUSAL });
  await expect(notice).toContainText('Open Cardlens over HTTPS, or on this computer at http://127.0.0.1');
  await expect(page.getByText(/TypeError|digest/)).toHaveCount(0);
  // The connection panel opens by itself, and says the same with the page's host.
  const warning = page.getByText(/^This page is not a secure context: it was opened over plain HTTP/);
  await expect(warning).toContainText(`(${HOST})`);
  const check = page.getByRole('button', { name: 'Check connection' });
  await expect(check).toBeDisabled();
  await expect(check).toHaveAccessibleDescription(/not a secure context/);

  // The Dev proxy, with real credentials: Check connection cannot run, and a dropped card is refused the same way.
  await app.connect({ endpoint: 'Dev proxy', secretKey: 'not-for-the-wire' });
  await expect(warning).toBeVisible();
  await expect(check).toBeDisabled();
  await app.drop([{ name: 'mine.png', mimeType: 'image/png', buffer: sampleBytes('credit-card.png') }]);
  await expect(app.queueItem('mine.png').getByText('Failed', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Open mine.png' }).click();
  await expect(page.getByRole('alert').filter({ hasText: REFUSAL })).toBeVisible();

  // In Korean too.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByText(/^이 페이지는 보안 컨텍스트가 아닙니다/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '아무것도 보내지 않았습니다' }).first()).toBeVisible();
  await app.useEnglish();

  // A Custom URL over https: still nothing.
  await app.connect({ endpoint: 'Custom URL', baseUrl: 'https://ocr-proxy.example.com' });
  await expect(check).toBeDisabled();
  await app.analyseSample('Resident registration card');
  await expect(app.queueItem('id-resident.png').getByText('Failed', { exact: true })).toBeVisible();

  expect(sent).toEqual([]);
  // The server's cross-origin isolation headers mean nothing on a page that is not a secure context, and the
  // browser says so; the app itself reports no problem.
  const ignoredIsolation =
    /^The Cross-Origin-Opener-Policy header has been ignored, because the URL's origin was untrustworthy/;
  expect(app.problems.filter((problem) => !ignoredIsolation.test(problem))).toEqual([]);
});
