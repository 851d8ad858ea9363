import { expect, test, type FileChooser, type Page, type Route } from '@playwright/test';
import { afterFrames, CardlensPage, sampleBytes } from './support/cardlens-page';

// The first screen is the entry chunk: the header, the left column with the queue, and the specimens. The
// screens after it (the viewer, the batch table, the report, the connection panel) arrive in chunks of
// their own after the first paint (src/app/views.tsx). Whatever the visitor does before they arrive, and
// however they fare, nothing they gave the page is lost, and the left column is never drawn anew.

const VIEWER_CHUNK = '**/assets/viewer-screen-*.js';
const PANEL_CHUNK = '**/assets/connection-panel-*.js';
const card = { name: 'credit-card.png', mimeType: 'image/png', buffer: sampleBytes('credit-card.png') };

/** Holds a chunk until release() is called. */
async function hold(page: Page, glob: string): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(glob, async (route: Route) => {
    await released;
    await route.continue();
  });
  return { release };
}

/** Fails every request for `glob` as if the network were gone, until the returned function is called. */
async function cutOff(page: Page, glob: string): Promise<() => Promise<void>> {
  await page.route(glob, (route) => route.abort('internetdisconnected'));
  return () => page.unroute(glob);
}

/** Clicks the drop zone's button and returns the file dialog it opened. */
async function openFilePicker(page: Page): Promise<FileChooser> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose card images' }).click();
  return chooser;
}

async function expectAnalysed(app: CardlensPage, file: string) {
  await app.waitForDone(file);
  await expect.poll(async () => (await app.viewer())?.boxesDrawn ?? 0).toBeGreaterThan(0);
}

test('a file picker opened on the first screen delivers its files, though the later screens arrived while it was open', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const held = await hold(page, VIEWER_CHUNK);
  // The later screens are asked for when the browser is first idle, which an open file dialog may put off.
  const asked = page.waitForRequest(VIEWER_CHUNK);
  await app.open();
  await asked;
  const picker = await openFilePicker(page);
  const arrived = page.waitForResponse(VIEWER_CHUNK);
  held.release();
  await arrived;
  await page.evaluate(() => window.__cardlens!.viewerCode()); // the later screens' code has run
  await picker.setFiles(card);
  await expectAnalysed(app, 'credit-card.png');
  // Focus stays on the control the visitor used.
  await expect(page.getByRole('button', { name: 'Choose card images' })).toBeFocused();
  expect(app.problems).toEqual([]);
});

test('a card dropped before the viewer arrives is queued and sent at once, the viewer saying it is loading', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const held = await hold(page, VIEWER_CHUNK);
  await app.open();
  await app.drop([card]);
  await expect(page.getByRole('main').getByRole('status').filter({ hasText: 'Loading…' })).toBeVisible();
  await app.waitForDone('credit-card.png'); // the queue is the first screen's: it does not wait for the viewer
  held.release();
  await expectAnalysed(app, 'credit-card.png');
});

test('a file picker opened while the viewer is on its way delivers its files after it arrived', async ({ page }) => {
  const app = new CardlensPage(page);
  const held = await hold(page, VIEWER_CHUNK);
  await app.open();
  await app.drop([card]); // asked for: the workspace takes over as soon as it arrives
  const picker = await openFilePicker(page);
  held.release();
  await expectAnalysed(app, 'credit-card.png');
  await picker.setFiles({ ...card, name: 'second.png' });
  // The same image as the first card: it goes again only when asked to.
  await app.sendAgain();
  await app.waitForDone('second.png');
});

test('focus stays on the control in use when the viewer arrives, wherever the visitor asked from', async ({ page }) => {
  const app = new CardlensPage(page);
  const held = await hold(page, VIEWER_CHUNK);
  await app.open();
  await app.drop([card]); // asked with no control focused
  const choose = page.getByRole('button', { name: 'Choose card images' });
  await choose.focus(); // then tabbed to the button while the viewer comes
  held.release();
  await app.waitForDone('credit-card.png');
  await expect(choose).toBeFocused();
});

test('a pasted image is added once, wherever the focus is', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card'); // a card on screen, with the gallery's buttons inside the page's drop target
  await app.waitForDone('credit-card.png');
  const bytes = [...card.buffer];
  for (const [name, focus] of [
    ['on-tab.png', page.getByRole('tab', { name: 'Report' })],
    ['on-zone.png', page.getByRole('button', { name: 'Choose card images' })],
  ] as const) {
    await focus.focus();
    await focus.evaluate(
      (element, { name, bytes }) => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
        element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      },
      { name, bytes },
    );
    // The specimen's own image again: it goes only when asked to.
    await app.sendAgain();
    await app.waitForDone(name);
    await expect(page.getByRole('button', { name: `Open ${name}` })).toHaveCount(1);
  }
});

test('the connection panel opened before its code arrives shows once it is here, and the page stays as it was when it closes', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const held = await hold(page, PANEL_CHUNK);
  await app.open();
  const toggle = page.getByRole('button', { name: /^Connection:/ });
  await toggle.click();
  held.release();
  await expect(page.getByLabel('Endpoint')).toBeVisible();
  await toggle.click();
  await expect(page.getByLabel('Endpoint')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Queue' })).toBeVisible();
  await app.drop([card]);
  await expectAnalysed(app, 'credit-card.png');
});

test('a viewer that fails to arrive is said to, keeps the dropped card, and Retry brings it', async ({ page }) => {
  const app = new CardlensPage(page);
  const failed = page.waitForEvent('requestfailed', (request) => request.url().includes('/assets/viewer-screen-'));
  const restore = await cutOff(page, VIEWER_CHUNK);
  await app.open();
  await failed; // the idle prefetch: nobody asked for the viewer yet, so nobody is told
  // The page has had the failure too (asked for the code now, it gets the same answer), and drawn what follows.
  expect(
    await page.evaluate(() =>
      window.__cardlens!.viewerCode().then(
        () => 'loaded',
        () => 'failed',
      ),
    ),
  ).toBe('failed');
  await afterFrames(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Analyse sample: Credit card', exact: true })).toBeVisible();
  await app.drop([card]);
  const alert = page.getByRole('alert').filter({ hasText: 'Part of Cardlens did not load' });
  await expect(alert).toBeVisible();
  await app.waitForDone('credit-card.png'); // the card went through all the same
  // The first screen still works meanwhile.
  await page.getByRole('radio', { name: 'ID card', exact: true }).check();
  await page.getByRole('radio', { name: 'Credit card', exact: true }).check();
  await restore();
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expectAnalysed(app, 'credit-card.png');
  await expect(alert).toHaveCount(0);
});

test('the first screen loads the text of its language alone', async ({ page }) => {
  const app = new CardlensPage(page);
  const tables: string[] = [];
  page.on('request', (request) => {
    const table = /\/assets\/messages-(en|ko)-/.exec(request.url())?.[1];
    if (table) tables.push(table);
  });
  // The browser never idles here, so none of the later screens is fetched (some of them hold texts in
  // both languages). The rest of the language's text (more-messages-ko) follows its first part.
  await page.addInitScript(() => {
    localStorage.setItem('cardlens.lang', 'ko');
    window.requestIdleCallback = () => 0;
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: '카드 이미지 선택' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  // Drawn in Korean, and the effects of that render have run: what the first screen fetches, it has asked for.
  await afterFrames(page);
  expect(tables).toEqual(['ko']);
  await page.getByRole('combobox', { name: '언어' }).selectOption('en');
  await expect(page.getByRole('button', { name: 'Choose card images' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(tables).toEqual(['ko', 'en']);
  expect(app.problems).toEqual([]);
});

test('text that fails to arrive is said to in both languages, and Retry brings the page', async ({ page }) => {
  const restore = await cutOff(page, '**/assets/messages-en-*.js');
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Cardlens could not load its text');
  await expect(alert).toContainText('화면 문구를 불러오지 못했습니다');
  await restore();
  await alert.getByRole('button', { name: 'Retry · 다시 시도' }).click();
  await expect(page.getByRole('heading', { name: 'Cardlens' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Choose card images' })).toBeVisible();
});

test('a language that fails to arrive mid-session is said to, and the page stays in the one it had', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  const restore = await cutOff(page, '**/assets/messages-ko-*.js');
  await app.open();
  await app.useEnglish();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('alert')).toHaveText('That language did not load. Choose it again to retry.');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
  await expect(page.getByRole('button', { name: 'Choose card images' })).toBeVisible();
  await restore();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('button', { name: '카드 이미지 선택' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
