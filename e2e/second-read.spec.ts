import { expect, test, type Page } from '@playwright/test';
import type {} from '../src/app/test-hooks';
import { drawCardPhoto } from './support/card-photo';
import { CardlensPage } from './support/cardlens-page';
import { resetSandbox, SANDBOX_URL } from './support/sandbox-server';

// The on-device checks: a second read of the service's digits, and a check before sending. The
// built-in sandbox plays the service; its alterDigit fault makes it answer one digit wrong.

const setFaults = (page: Page, faults: Record<string, unknown>) =>
  page.evaluate(async (f) => (await window.__cardlens!.sandbox()).setFaults(f), faults);

async function openWithChecks(page: Page, checks: { secondRead?: boolean; preSend?: boolean }) {
  const app = new CardlensPage(page);
  await app.open();
  const box = (name: RegExp) => page.getByRole('checkbox', { name });
  await expect(box(/Check NHN’s digits and Hangul on this device/)).not.toBeChecked(); // off by default
  await expect(box(/Hold photos with no card-like text/)).not.toBeChecked();
  if (checks.secondRead) await box(/Check NHN’s digits and Hangul on this device/).check();
  if (checks.preSend) await box(/Hold photos with no card-like text/).check();
  return app;
}

test('the second read agrees with a faithful answer and flags the one digit an answer got wrong', async ({ page }) => {
  test.setTimeout(180_000);
  const app = await openWithChecks(page, { secondRead: true });

  // A faithful answer: the device reads the same digits.
  await app.analyseSample('Credit card');
  await expect(page.getByRole('status').filter({ hasText: /read the same as NHN in 5 fields/ })).toBeVisible({
    timeout: 90_000,
  });
  let probe = await app.settledViewer();
  // Each of the five boxed fields was made out on the device and agreed: none merely left unread.
  expect(probe.rules.filter((r) => r.rule === 'secondRead').map((r) => r.outcome)).toEqual(Array(5).fill('pass'));

  // The service misreads the second digit of the third group.
  await setFaults(page, { alterDigit: { field: 'cardNums.2', at: 1 } });
  await app.analyseSample('Credit card');
  await app.sendAgain();
  await expect(page.getByRole('status').filter({ hasText: /read 1 of 5 fields differently/ })).toBeVisible({
    timeout: 60_000,
  });
  probe = await app.settledViewer();
  expect(probe.badges).toContainEqual({ fieldId: 'cardNums.2', kind: 'fail' });
  expect(probe.charMarks).toContainEqual({ fieldId: 'cardNums.2', chars: [1] });
  expect(probe.rules.filter((r) => r.rule === 'secondRead' && r.outcome === 'fail')).toEqual([
    { rule: 'secondRead', fieldId: 'cardNums.2', key: 'cardNum', outcome: 'fail' },
  ]);
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  await page.getByRole('tab', { name: /Rules/ }).click();
  const rule = page.getByRole('listitem').filter({ hasText: /This device read it differently \(character 2\)/ });
  await expect(rule.locator('mark')).toHaveText('2'); // the wrong "1121"'s second character
  await expect(rule.locator('.rule-seen')).toHaveText(/this device read 1111$/); // what the device saw there
  await page.getByRole('checkbox', { name: 'Show values' }).uncheck();
  await expect(rule.locator('.rule-seen')).toHaveText(/this device read ••••$/); // masked as NHN's group is
  expect(app.problems).toEqual([]);

  // The batch table finds the card that disagrees, and only it.
  await page.getByRole('tab', { name: /Batch/ }).click();
  await page.getByLabel('Show', { exact: true }).selectOption('disagree');
  await expect(page.getByRole('row')).toHaveCount(2); // the header and one card

  // A reviewer marks the flagged group wrong: the report says the second read had flagged it.
  await page.getByRole('tab', { name: 'Card' }).click();
  await page.locator('body').focus();
  for (const key of ['j', 'j', 'j', 'x']) await page.keyboard.press(key);
  await page.keyboard.type('1111');
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(page.getByTestId('second-read-verdicts')).toHaveText(
    /Of 1 values marked wrong, the second read flagged 1\./,
  );
  await expect(page.getByRole('table', { name: 'Agreement with NHN' })).toContainText('Card number');
});

test('the second read reads an ID card’s Hangul in NHN’s boxes and flags a name one syllable off, showing what the device read', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const app = await openWithChecks(page, { secondRead: true });
  const secondReadOutcomes = (probe: Awaited<ReturnType<CardlensPage['settledViewer']>>) =>
    Object.fromEntries(probe.rules.filter((r) => r.rule === 'secondRead').map((r) => [r.key, r.outcome]));

  // A faithful answer: the device reads the name and the issuer in Hangul, and the digits, as NHN did.
  await app.analyseSample('Resident registration card');
  await expect(page.getByRole('status').filter({ hasText: /read the same as NHN in 4 fields/ })).toBeVisible({
    timeout: 150_000,
  });
  let probe = await app.settledViewer();
  expect(secondReadOutcomes(probe)).toEqual({
    name: 'pass',
    residentNumber: 'pass',
    issueDate: 'pass',
    issuer: 'pass',
  });

  // The service misreads the name's second syllable: 홍길동 answered as 홍글동.
  await setFaults(page, { alterDigit: { field: 'name', at: 1 } });
  await app.analyseSample('Resident registration card');
  await app.sendAgain();
  await expect(page.getByRole('status').filter({ hasText: /read 1 of 4 fields differently/ })).toBeVisible({
    timeout: 90_000,
  });
  probe = await app.settledViewer();
  const name = probe.fields.find((f) => f.key === 'name')!;
  expect(probe.badges).toContainEqual({ fieldId: name.id, kind: 'fail' });
  expect(probe.charMarks).toContainEqual({ fieldId: name.id, chars: [1] });
  expect(name).toMatchObject({ shown: '홍글동', deviceRead: '홍길동' }); // the box's label: "홍글동 ≠ 홍길동"
  expect(secondReadOutcomes(probe)).toEqual({
    name: 'fail',
    residentNumber: 'pass',
    issueDate: 'pass',
    issuer: 'pass',
  });

  // The rule marks the syllable in NHN's value and shows the device's reading beside it.
  await page.getByRole('tab', { name: /Rules/ }).click();
  const rule = page.getByRole('listitem').filter({ hasText: /This device read it differently \(syllable 2\)/ });
  await expect(rule.locator('mark')).toHaveText('글');
  await expect(rule.locator('.rule-seen')).toHaveText(/this device read 홍길동$/);
  // An audience sees neither reading of the name.
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await expect(rule.locator('.rule-seen')).toHaveText(/this device read •••$/);
  await expect(rule).not.toContainText('홍');
  expect((await app.settledViewer()).fields.find((f) => f.key === 'name')).toMatchObject({
    shown: '•••',
    deviceRead: '•••',
  });
  await page.getByRole('checkbox', { name: 'Presentation mode' }).uncheck();
  expect(app.problems).toEqual([]);

  // The report's agreement table counts the Hangul fields (by image: the second answer's read stands).
  await page.getByRole('tab', { name: 'Report' }).click();
  const agreement = page.getByRole('table', { name: 'Agreement with NHN' });
  await expect(agreement.getByRole('row', { name: /^Name 1 0 0%$/ })).toBeVisible();
  await expect(agreement.getByRole('row', { name: /^Issuer 1 1 100%$/ })).toBeVisible();
});

test('the check before sending holds a photo with no card text, sends it when asked, and lets a card through', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = await openWithChecks(page, { preSend: true });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  const sandboxPosts = () =>
    page.evaluate(
      async () => (await (await window.__cardlens!.sandbox()).log()).filter((e) => e.method === 'POST').length,
    );

  await app.drop([{ name: 'holiday.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '', '') }]);
  const held = app.queueItem('holiday.png');
  await expect(held.getByText('Held', { exact: true })).toBeVisible({ timeout: 90_000 });
  await expect(held).toContainText(/no card-like text was found on this device\. Looked for a group of four digits/);
  expect(await sandboxPosts()).toBe(0);

  // Sent anyway: the sandbox gets it, and its reader finds no card either.
  await held.getByRole('button', { name: 'Send anyway: holiday.png' }).click();
  await expect(held.getByText('Failed', { exact: true })).toBeVisible({ timeout: 60_000 });
  expect(await sandboxPosts()).toBe(1);

  // A photo with card digits passes the check and is sent.
  await app.drop([
    { name: 'card.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '5555555555554444', '11/28') },
  ]);
  await app.waitForDone('card.png');
  expect(await sandboxPosts()).toBe(2);
  expect(requests.filter((r) => !r.includes('127.0.0.1:4173'))).toEqual([]);
});

test('where an answer came from is known from the connection: a service that claims its answer was read on this device is still checked', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await resetSandbox();
  const app = await openWithChecks(page, { secondRead: true });
  await app.connect({ endpoint: 'Custom URL', baseUrl: SANDBOX_URL, secretKey: 'sandbox' });
  // The service's answer, with a field that once made the app skip its check and label it as its own.
  await page.route(`${SANDBOX_URL}/v2.0/appkeys/sandbox/credit-card`, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { result: Record<string, unknown> };
    body.result.cardlensReader = 'on-device';
    await route.fulfill({ response, json: body });
  });
  await app.analyseSample('Credit card');
  await expect(page.getByRole('status').filter({ hasText: /read the same as NHN in 5 fields/ })).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByRole('note').filter({ hasText: 'Read on this device' })).toHaveCount(0);
  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByRole('tabpanel')).not.toContainText('cardlensReader');
  expect(app.problems).toEqual([]);
});

test('a card the in-page sandbox read on this device says its second read was not made, and why', async ({ page }) => {
  test.setTimeout(180_000);
  const app = await openWithChecks(page, { secondRead: true });
  await app.drop([
    { name: 'own.png', mimeType: 'image/png', buffer: await drawCardPhoto(page, '5555555555554444', '11/28') },
  ]);
  await app.waitForDone('own.png');
  await expect(page.getByRole('note').filter({ hasText: 'Read on this device, not by NHN' })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: /^Not checked: this answer was read on this device/ }),
  ).toBeVisible();
});
