import { expect, test, type Locator } from '@playwright/test';
import type { CreditCardResult } from '@/api';
import { CardlensPage, manifest, quadCount, sampleBytes } from './support/cardlens-page';
import type { ViewerProbe } from '@/features/viewer/viewer-probe';

/** Labels that run off the canvas or cover another label, by field id; none is expected. */
function labelProblems({ labelsDrawn, viewport }: ViewerProbe): string[] {
  const problems: string[] = [];
  labelsDrawn.forEach((a, i) => {
    if (a.x < 0 || a.y < 0 || a.x + a.width > viewport.width || a.y + a.height > viewport.height)
      problems.push(`${a.id} off the canvas`);
    for (const b of labelsDrawn.slice(i + 1))
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
        problems.push(`${a.id} covers ${b.id}`);
  });
  return problems;
}

test.describe('every specimen through its service, on the in-browser sandbox', () => {
  for (const entry of manifest.samples) {
    test(`${entry.file}: every box drawn and every unmasked value equals the ground truth`, async ({ page }) => {
      const app = new CardlensPage(page);
      await app.open();
      await app.analyseSample(entry.title.en);
      await app.waitForDone(entry.file);
      await expect.poll(async () => (await app.viewer())?.boxesDrawn).toBe(quadCount(entry));
      // Labels, measured with the browser's own fonts, sit on the canvas and clear of one another.
      await expect.poll(async () => labelProblems((await app.viewer())!)).toEqual([]);

      const masked = await app.viewer();
      await page.getByRole('checkbox', { name: 'Show values' }).check();
      const shown = await app.viewer();
      const truth =
        entry.service === 'credit-card'
          ? [...entry.result.cardNums.map((c) => c.value), entry.result.totalCardNum, entry.result.validThru!.value]
          : entry.result.keyValues.map((kv) => kv.value);
      expect(shown!.fields.map((f) => f.shown).sort()).toEqual([...truth].sort());
      // Masked by default: no sensitive value appears whole before "Show values".
      for (const field of masked!.fields.filter((f) =>
        ['cardNum', 'totalCardNum', 'residentNumber', 'driverLicenseNumber', 'passportNo', 'MRZ2'].includes(f.key),
      )) {
        if (field.value.replace(/\W/g, '').length > 4) expect(field.shown).not.toBe(field.value);
      }
      if (entry.file === 'credit-card-low-res.png')
        await expect(page.getByText(/below the recommended 760×480/)).toBeVisible();
      if (entry.file === 'credit-card-exif6.jpg')
        await expect(page.getByRole('checkbox', { name: /Boxes over raw pixels/ })).toBeVisible();
      await app.settledViewer(); // not a frame from the middle of the panels filling in
      await app.screenshot(`viewer-${entry.file}`);
      expect(app.problems).toEqual([]);
    });
  }
});

test('the gallery shows small thumbnails and fetches a specimen only when it is picked', async ({ page }) => {
  const fetched: { path: string; status: number; type: string }[] = [];
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    if (pathname.includes('/samples/') && !pathname.endsWith('.json'))
      fetched.push({ path: pathname, status: response.status(), type: response.headers()['content-type'] ?? '' });
  });
  const app = new CardlensPage(page);
  await app.open();
  for (const entry of manifest.samples) {
    const card = page.getByRole('button', { name: `Analyse sample: ${entry.title.en}`, exact: true });
    await card.scrollIntoViewIfNeeded();
    // Decoded and upright: the EXIF-rotated specimen's thumbnail is landscape like the rest.
    await expect
      .poll(() =>
        card
          .getByRole('presentation')
          .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth / img.naturalHeight),
      )
      .toBeCloseTo(entry.width / entry.height, 1);
  }
  expect(fetched.every((f) => f.path.includes('/samples/thumbs/') && f.status === 200 && f.type === 'image/webp')).toBe(
    true,
  );
  expect(fetched).toHaveLength(manifest.samples.length);

  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  expect(fetched.filter((f) => !f.path.includes('/thumbs/')).map((f) => f.path)).toEqual(['/samples/credit-card.png']);
  expect(app.problems).toEqual([]);
});

test('masked values stay off the page until Show values, and the card number never appears whole', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  await expect(page.getByText('411111••••••1111')).toBeVisible();
  expect(await page.locator('body').innerText()).not.toContain('4111111111111111');
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  await expect(page.getByText('4111111111111111')).toBeVisible();
});

test('a label crowded out at fit appears over the others while its box is pointed at', async ({ page }) => {
  const app = new CardlensPage(page);
  const atFit = await app.showSpecimen('Passport', 'id-passport.png');
  const shown = new Set(atFit.labelsDrawn.map((l) => l.id));
  // A box of its own: the passport's YYYYMMDD fields share the box of the date they restate.
  const ownBox = (f: (typeof atFit.fields)[number]) =>
    !atFit.fields.some((o) => o.id !== f.id && o.centre?.x === f.centre?.x && o.centre?.y === f.centre?.y);
  const crowded = atFit.fields.find((f) => f.quad && !shown.has(f.id) && ownBox(f))!;
  expect(crowded, 'the passport at fit has more labels than room').toBeDefined();
  const hidden = atFit.fields.filter((f) => f.quad).length - atFit.labelsDrawn.length;
  await expect(page.getByText(`Labels without room here: ${hidden};`)).toBeVisible();

  const overCrowded = await app.onCanvas(crowded.centre!, atFit.view);
  await page.mouse.move(overCrowded.x, overCrowded.y);
  await expect.poll(async () => (await app.viewer())?.labelsDrawn.at(-1)?.id).toBe(crowded.id);
  const corner = await app.onCanvas({ x: 2, y: 2 });
  await page.mouse.move(corner.x, corner.y);
  await expect.poll(async () => (await app.viewer())?.labelsDrawn.some((l) => l.id === crowded.id)).toBe(false);
  await page.getByRole('checkbox', { name: 'Labels', exact: true }).uncheck();
  await expect(page.getByText(/Labels without room here/)).toHaveCount(0);
});

test('clicking again where two fields share a box selects the other', async ({ page }) => {
  const app = new CardlensPage(page);
  const probe = await app.showSpecimen('Passport', 'id-passport.png');
  const date = probe.fields.find((f) => f.key === 'dateOfIssue')!;
  const ymd = probe.fields.find((f) => f.key === 'dateOfIssueYMD')!;
  expect(ymd.centre).toEqual(date.centre);
  const over = await app.onCanvas(date.centre!, probe.view);
  for (const expected of [date, ymd, date]) {
    await page.mouse.click(over.x, over.y);
    await expect.poll(async () => (await app.viewer())?.selectedId).toBe(expected.id);
  }
});

test('hovering a field row highlights its box', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Resident registration card');
  await app.waitForDone('id-resident.png');
  const fields = (await app.viewer())!.fields;
  const issuer = fields.find((f) => f.key === 'issuer')!;
  await page.getByRole('button', { name: /^Issuer/ }).hover();
  await expect.poll(async () => (await app.viewer())?.highlightedId).toBe(issuer.id);
  await page.getByRole('button', { name: /^Issuer/ }).focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(async () => (await app.viewer())?.selectedId).toBe(fields.find((f) => f.key === 'issueDate')!.id);
  await expect(page.getByRole('status').filter({ hasText: /^Selected: Issue date/ })).toHaveCount(1);
});

test('pointing at a box on the canvas highlights it, a click selects it, and a drag pans instead', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen('Resident registration card', 'id-resident.png');
  const onPage = async (key: string) => {
    const probe = (await app.viewer())!;
    return app.onCanvas(probe.fields.find((f) => f.key === key)!.centre!, probe.view);
  };
  const fields = (await app.viewer())!.fields;
  const issuer = fields.find((f) => f.key === 'issuer')!;
  const name = fields.find((f) => f.key === 'name')!;

  const overIssuer = await onPage('issuer');
  await page.mouse.move(overIssuer.x, overIssuer.y);
  await expect.poll(async () => (await app.viewer())?.highlightedId).toBe(issuer.id);
  await page.mouse.click(overIssuer.x, overIssuer.y);
  await expect.poll(async () => (await app.viewer())?.selectedId).toBe(issuer.id);

  // A label stands for its field too: pointing at the name's label highlights the name.
  const nameLabel = (await app.viewer())!.labelsDrawn.find((l) => l.id === name.id)!;
  const overLabel = await app.onCanvas({ x: nameLabel.x + nameLabel.width / 2, y: nameLabel.y + nameLabel.height / 2 });
  await page.mouse.move(overLabel.x, overLabel.y);
  await expect.poll(async () => (await app.viewer())?.highlightedId).toBe(name.id);

  // A press that moves is a pan: the view shifts and the selection stays where it was.
  const overName = await onPage('name');
  const before = (await app.viewer())!.view;
  await page.mouse.move(overName.x, overName.y);
  await page.mouse.down();
  await page.mouse.move(overName.x + 60, overName.y + 30, { steps: 5 });
  await page.mouse.up();
  const after = (await app.viewer())!.view;
  expect(after.x - before.x).toBeCloseTo(60, 0);
  expect(after.y - before.y).toBeCloseTo(30, 0);
  expect((await app.viewer())!.selectedId).toBe(issuer.id);
  expect(name.id).not.toBe(issuer.id);
  expect(app.problems).toEqual([]);
});

test('presentation mode covers the exported PNG but for the values that may show', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card');
  await app.waitForDone('credit-card.png');
  const exportPng = async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    // Outside presentation mode the uncovered picture needs confirming; in it, only the redacted one is offered.
    const presenting = await page.getByRole('checkbox', { name: 'Presentation mode' }).isChecked();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: presenting ? 'Export redacted' : 'Export unredacted' })
      .click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('base64');
  };
  await page.getByRole('checkbox', { name: 'Labels', exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Boxes', exact: true }).uncheck();
  const normal = await exportPng();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  const presented = await exportPng();
  const result = manifest.samples.find((s) => s.file === 'credit-card.png')!.result as CreditCardResult;
  const hidden = result.cardNumBoxes[1];
  const bank = { x1: 40, y1: 40, x3: 200, y3: 120 }; // no value of the answer: nothing proves it safe
  const [first, expiry] = [result.cardNumBoxes[0], result.validThruBox!]; // 4111 and 09/29 may show
  const differences = await page.evaluate(
    async ({ a, b, regions }) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx;
      };
      const [ca, cb] = [await decode(a), await decode(b)];
      return regions.map((r) => {
        const w = r.x3 - r.x1;
        const h = r.y3 - r.y1;
        const pa = ca.getImageData(r.x1, r.y1, w, h).data;
        const pb = cb.getImageData(r.x1, r.y1, w, h).data;
        let changed = 0;
        for (let i = 0; i < pa.length; i += 4)
          if (Math.abs(pa[i] - pb[i]) + Math.abs(pa[i + 1] - pb[i + 1]) + Math.abs(pa[i + 2] - pb[i + 2]) > 30)
            changed++;
        return changed / (pa.length / 4);
      });
    },
    { a: normal, b: presented, regions: [hidden, bank, first, expiry] },
  );
  expect(differences[0]).toBeGreaterThan(0.2);
  expect(differences[1]).toBeGreaterThan(0.2);
  expect(differences[2]).toBe(0);
  expect(differences[3]).toBe(0);
});

test.describe('authenticity', () => {
  test('passes with the true values, then cannot be sent again', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.analyseSample('Resident registration card');
    await app.waitForDone('id-resident.png');
    await page.getByRole('tab', { name: 'Authenticity' }).click();
    await expect(page.getByRole('timer')).toHaveText(/Request-Key valid for (59|60):\d\d/);
    await expect(page.getByLabel('Issue date')).toHaveValue('20190304');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await expect(page.getByText('✓ Authentic')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify', exact: true })).toBeDisabled();
    await app.screenshot('authenticity-authentic');
  });

  test('fails with a wrong issue date, and locks after 5 wrong dates', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    for (let attempt = 1; attempt <= 6; attempt++) {
      await app.analyseSample('Resident registration card');
      // The specimen is in the batch from the second time on: sent again as asked.
      if (attempt > 1) await app.sendAgain();
      await expect(page.getByRole('listitem').filter({ hasText: 'id-resident.png' }).getByText('Done')).toHaveCount(
        attempt,
        { timeout: 30_000 },
      );
      await page.getByRole('tab', { name: 'Authenticity' }).click();
      await page.getByLabel('Issue date').fill('20190305');
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      if (attempt <= 5) await expect(page.getByText('✗ Not authentic')).toBeVisible();
      else
        await expect(
          page.getByText('Verification for this registration card is locked after 5 wrong issue dates.', {
            exact: true,
          }),
        ).toBeVisible();
    }
  });

  test('checks each field as it is typed and sends nothing while one is wrong', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.analyseSample("Driver's licence");
    await app.waitForDone('id-driver.png');
    await page.getByRole('tab', { name: 'Authenticity' }).click();
    await expect(page.getByLabel('Resident registration number')).toHaveValue('8503152');
    await page.getByLabel('Driver licence number').fill('11-19');
    await expect(page.getByText('The driver licence number must be 12 digits.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify', exact: true })).toBeDisabled();
  });

  test('stand-alone analysis offers no authenticity check', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.service('ID card (stand-alone)').check();
    await app.analyseSample('Resident registration card');
    await app.waitForDone('id-resident.png');
    await expect(page.getByRole('tab', { name: 'Fields' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Authenticity' })).toHaveCount(0);
  });

  test('a passport is offered only behind the retirement note', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.analyseSample('Passport');
    await app.waitForDone('id-passport.png');
    await page.getByRole('tab', { name: 'Authenticity' }).click();
    await expect(page.getByText(/retired passport verification on 27 May 2026/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verify', exact: true })).toHaveCount(0);
  });
});

test.describe('errors leave the app usable', () => {
  test('each preflight rejection names its file, and the next card still works', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    const big = Buffer.alloc(21 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await app.drop([
      { name: 'statement.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n') },
      { name: 'empty.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
      { name: 'truncated.png', mimeType: 'image/png', buffer: sampleBytes('credit-card.png').subarray(0, 4000) },
      { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big },
    ]);
    await expect(app.queueItem('statement.png').getByText(/is a PDF document, not a JPEG or PNG/)).toBeVisible();
    await expect(app.queueItem('empty.png').getByText(/is empty/)).toBeVisible();
    await expect(app.queueItem('truncated.png').getByText(/is truncated/)).toBeVisible();
    await expect(app.queueItem('huge.jpg').getByText(/is 21 MB; the service accepts at most 20 MB/)).toBeVisible();
    await app.analyseSample('Credit card');
    await app.waitForDone('credit-card.png');
    await app.screenshot('preflight-rejections');
  });

  test('a wrong secret key explains 4010001 and opens the connection panel', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.connect({ endpoint: 'Sandbox (built-in)', secretKey: 'not-the-secret' });
    await page.getByRole('button', { name: /^Connection:/ }).click(); // close it again
    await app.analyseSample('Credit card');
    await expect(page.getByText('The app key or secret key is wrong.', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Endpoint')).toBeVisible();
    await page.getByLabel('Secret key', { exact: true }).fill('sandbox');
    await page.getByRole('button', { name: 'Retry' }).first().click();
    await app.waitForDone('credit-card.png');
  });

  test('blank credentials are named in the panel and nothing is sent without them', async ({ page }) => {
    const app = new CardlensPage(page);
    const leaving: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith('http://127.0.0.1')) leaving.push(request.url());
    });
    await app.open();
    await app.openConnection();
    await page.getByLabel('Endpoint').selectOption({ label: 'NHN Cloud' }); // the sandbox's credentials are cleared
    await expect(page.getByLabel('App key')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Required: nothing is sent without it.')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Check connection' })).toBeDisabled();
    await page.getByLabel('App key').fill('my-app-key');
    await expect(page.getByLabel('Secret key', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await app.analyseSample('Credit card');
    await app.waitForFailed('credit-card.png');
    await expect(
      page.getByRole('alert').getByText('The connection has no app key or secret yet, so nothing was sent.'),
    ).toBeVisible();
    expect(leaving).toEqual([]);
    await page.getByLabel('Endpoint').selectOption({ label: 'Sandbox (built-in)' });
    await page.getByRole('button', { name: 'Retry' }).first().click();
    await app.waitForDone('credit-card.png');
  });

  test('a dead endpoint is a network failure that names nothing listening, not CORS', async ({ page }) => {
    const app = new CardlensPage(page);
    await app.open();
    await app.connect({ endpoint: 'Custom URL', baseUrl: 'http://127.0.0.1:9', secretKey: 'sandbox' });
    await page.getByRole('button', { name: 'Check connection' }).click();
    await expect(page.getByText('First check that failed: Reachable.', { exact: false })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Switch to Dev proxy' })).toHaveCount(0);
    await app.analyseSample('Credit card');
    await app.waitForFailed('credit-card.png');
    await expect(
      page.getByRole('alert').getByText('The request did not reach the service.', { exact: true }).first(),
    ).toBeVisible();
    await page.getByLabel('Endpoint').selectOption({ label: 'Sandbox (built-in)' });
    await page.getByRole('button', { name: 'Retry' }).first().click();
    await app.waitForDone('credit-card.png');
  });
});

test('the connection opens in view while a card is on screen and the specimen list is long', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen('Credit card', 'credit-card.png');
  await app.openConnection();
  await expect(page.getByLabel('Endpoint')).toBeInViewport();
  await page.getByRole('button', { name: /^Connection:/ }).click();
  await expect(page.getByLabel('Endpoint')).toHaveCount(0);
  expect(app.problems).toEqual([]);
});

test('the JSON tab shows the result in the API shape, masked until Show values; timings show at once', async ({
  page,
}) => {
  const app = new CardlensPage(page);
  await app.showSpecimen('Credit card', 'credit-card.png');
  await page.getByRole('tab', { name: 'JSON', exact: true }).click();
  const json = async () =>
    JSON.parse(await page.getByRole('region', { name: 'Decrypted result' }).innerText()) as CreditCardResult;
  const masked = await json();
  expect(masked.totalCardNum).toBe('411111••••••1111');
  expect(masked.cardNums.map((c) => c.value)).toEqual(['4111', '11••', '••••', '1111']);
  expect(masked.cardNumBoxes).toHaveLength(4);
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  await expect.poll(async () => (await json()).totalCardNum).toBe('4111111111111111');

  await page.getByRole('tab', { name: 'Timings', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Timings' }).getByRole('row', { name: /Total/ })).toBeVisible();
});

test('full screen gives the viewer the whole screen and fits the card to it', async ({ page }) => {
  const app = new CardlensPage(page);
  const before = await app.showSpecimen('Credit card', 'credit-card.png');
  // The button says what it does next: Exit full screen while in it.
  const enter = page.getByRole('button', { name: 'Full screen', exact: true });
  const exit = page.getByRole('button', { name: 'Exit full screen', exact: true });
  await enter.click();
  await expect(exit).toBeVisible();
  await expect(enter).toHaveCount(0);
  const full = await app.settledViewer();
  const screen = page.viewportSize()!;
  expect(full.viewport.width).toBeGreaterThan(before.viewport.width);
  expect(full.viewport.width).toBeGreaterThan(screen.width * 0.9);
  expect(full.view.scale).toBeGreaterThan(before.view.scale);
  expect(full.boxesDrawn).toBe(before.boxesDrawn);
  await exit.click();
  await expect(enter).toBeVisible();
  await expect.poll(async () => (await app.settledViewer()).viewport).toEqual(before.viewport);

  // F on the canvas does the same; with Ctrl, keys stay the browser's (Ctrl+0 is its zoom reset, not Fit).
  const canvas = app.cardCanvas();
  await canvas.focus();
  await page.keyboard.press('f');
  await expect(exit).toBeVisible();
  await page.keyboard.press('f');
  await expect(enter).toBeVisible();
  await page.keyboard.press('+');
  const zoomed = await app.settledViewer();
  expect(zoomed.view.scale).toBeGreaterThan(before.view.scale);
  await page.keyboard.press('Control+0');
  expect((await app.settledViewer()).view).toEqual(zoomed.view);
  expect(app.problems).toEqual([]);
});

test('a tab pointed at is drawn apart from the tab chosen', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen('Credit card', 'credit-card.png');
  const underline = (tab: Locator) => tab.evaluate((element) => getComputedStyle(element).borderBottomColor);
  const chosen = page.getByRole('tab', { name: 'Card', exact: true });
  const other = page.getByRole('tab', { name: 'Report', exact: true });
  await expect(chosen).toHaveAttribute('aria-selected', 'true');
  const idle = await underline(other);
  await other.hover();
  await expect.poll(() => underline(other)).not.toBe(idle);
  expect(await underline(other)).not.toBe(await underline(chosen));
  expect(app.problems).toEqual([]);
});

test('Copy puts the value on the clipboard, and says so when the browser refuses', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const app = new CardlensPage(page);
  await app.showSpecimen('Credit card', 'credit-card.png');
  const copyNumber = page.getByRole('button', { name: /^Copy value.*Full card number/ });
  await copyNumber.click();
  await expect(copyNumber).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('4111111111111111');

  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  const copyExpiry = page.getByRole('button', { name: /^Copy value.*Valid thru/ });
  await copyExpiry.click();
  await expect(copyExpiry).toHaveText('Not copied');
  expect(app.problems).toEqual([]);
});

test('a card dropped anywhere on the page is queued, and one dropped on the zone only once', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  const dropOn = async (target: Locator, name: string) => {
    const transfer = await page.evaluateHandle(async (name) => {
      const blob = await (await fetch('/samples/credit-card.png')).blob();
      const data = new DataTransfer();
      data.items.add(new File([blob], name, { type: 'image/png' }));
      return data;
    }, name);
    for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
  };
  await expect(page.getByText(/^Drop a card, or pick a specimen card/)).toBeVisible();
  await dropOn(page.getByRole('main'), 'on-the-viewer.png');
  await app.waitForDone('on-the-viewer.png');
  await dropOn(page.getByRole('button', { name: 'Choose card images' }), 'on-the-zone.png');
  // The same image again: it goes only when asked to, and the question is asked once for the one drop.
  await app.sendAgain();
  await app.waitForDone('on-the-zone.png');
  await expect(page.getByRole('button', { name: /^Open / })).toHaveCount(2);
  expect(app.problems).toEqual([]);
});
