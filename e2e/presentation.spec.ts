import { expect, test, type Page } from '@playwright/test';
import type { SandboxFaults } from '@/sandbox';
import { closeReader, digitsIn } from './support/ocr';
import { CardlensPage, manifest, sampleBytes } from './support/cardlens-page';

// Presentation mode and exports judged by an OCR engine that is not ours: the digits that masking
// hides must not be read back from the canvas or the PNG, in any state of the card.

test.afterAll(closeReader);

/** What masking hides of each specimen: the middle of the card number, the end of the resident number. */
const EXIF = {
  title: 'Photo with EXIF rotation',
  file: 'credit-card-exif6.jpg',
  hidden: '665566',
  /** The third of its four groups, every digit of it hidden. */
  group3: '5566',
  expiry: '1230',
};
const RESIDENT = {
  title: 'Resident registration card',
  file: 'id-resident.png',
  hidden: '234568',
  /** The building number in its address, a line no answer gives a box. */
  addressNumber: '209',
  issued: '2019',
};

async function inBrowserSandbox(page: Page, faults: SandboxFaults): Promise<void> {
  await page.evaluate(async (f) => (await window.__cardlens!.sandbox()).setFaults(f), faults);
}

async function exportPng(page: Page, choice: 'Export redacted' | 'Export unredacted'): Promise<Buffer> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await page.getByRole('dialog').getByRole('button', { name: choice }).click();
  const chunks: Buffer[] = [];
  for await (const chunk of await (await download).createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The canvas once the card's picture is on it (the probe counts the canvas's draws) and has settled. */
async function canvasShot(app: CardlensPage): Promise<Buffer> {
  await expect.poll(async () => (await app.viewer())?.crispDraws ?? 0).toBeGreaterThan(0);
  await app.settledViewer();
  return app.cardCanvas().screenshot();
}

test('the reader can read the hidden digits off an uncovered card, so the checks below can fail', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  expect(await digitsIn(await canvasShot(app))).toContain(EXIF.hidden);
  expect(await digitsIn(await exportPng(page, 'Export unredacted'))).toContain(EXIF.hidden);
});

test('a PNG export is redacted unless the full one is confirmed', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  await page.getByRole('checkbox', { name: 'Show values' }).check();
  const redacted = await digitsIn(await exportPng(page, 'Export redacted'));
  expect(redacted).not.toContain(EXIF.hidden);
  expect(redacted).toContain(EXIF.expiry);
});

test('presentation mode covers a card while it is in flight, in its export, and after its result', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await inBrowserSandbox(page, { latencyMs: 8000 });
  await app.analyseSample(EXIF.title);
  await expect(page.getByRole('status').filter({ hasText: /Sending|Encrypting|Preparing/ })).toBeVisible();
  expect(await digitsIn(await canvasShot(app))).not.toContain(EXIF.hidden);
  expect(await digitsIn(await exportPng(page, 'Export redacted'))).not.toContain(EXIF.hidden);
  await expect(page.getByRole('dialog')).toBeHidden();

  await inBrowserSandbox(page, {});
  await app.waitForDone(EXIF.file);
  await app.settledViewer();
  const after = await digitsIn(await canvasShot(app));
  expect(after).not.toContain(EXIF.hidden);
  // Once its fields are known, the values that may show are uncovered: the expiry date is one.
  expect(after).toContain(EXIF.expiry);
  expect(await digitsIn(await exportPng(page, 'Export redacted'))).not.toContain(EXIF.hidden);
  // Only the redacted export is offered.
  await page.getByRole('button', { name: 'Export PNG' }).click();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'Export unredacted' })).toBeDisabled();
});

test('in presentation mode a failed card and a cancelled card stay covered', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await inBrowserSandbox(page, { resultCode: 5000001 });
  await app.analyseSample(RESIDENT.title);
  await expect(app.queueItem(RESIDENT.file).getByText('Failed', { exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await digitsIn(await canvasShot(app))).not.toContain(RESIDENT.hidden);

  await inBrowserSandbox(page, { latencyMs: 8000 });
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(page.getByText('Cancelled').first()).toBeVisible();
  expect(await digitsIn(await canvasShot(app))).not.toContain(RESIDENT.hidden);
});

test('presentation mode offers neither raw pixels nor Copy', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  const raw = page.getByRole('checkbox', { name: /Boxes over raw pixels/ });
  await raw.check();
  await expect(page.getByRole('button', { name: /^Copy value of/ }).first()).toBeVisible();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await expect(raw).toBeDisabled();
  await expect(raw).not.toBeChecked();
  await expect(page.getByRole('button', { name: /^Copy value of/ })).toHaveCount(0);
  expect(await digitsIn(await canvasShot(app))).not.toContain(EXIF.hidden);
});

// Crafted answers reach the viewer through a session import, as a service's answer would: the same
// result, the same viewer. What they are checked for is the picture an OCR engine reads back.

type Box = { x1: number; y1: number; x2: number; y2: number; x3: number; y3: number; x4: number; y4: number };
const box = (l: number, t: number, r: number, b: number): Box => ({
  x1: l,
  y1: t,
  x2: r,
  y2: t,
  x3: r,
  y3: b,
  x4: l,
  y4: b,
});
const specimen = (file: string) => manifest.samples.find((s) => s.file === file)!;

/** Every value an answer holds, in no particular order. */
function valuesOf(result: unknown): string[] {
  const r = result as {
    keyValues?: { value: string }[];
    cardNums?: { value: string }[];
    totalCardNum?: string;
    validThru?: { value: string };
  };
  const values = r.keyValues
    ? r.keyValues.map((kv) => kv.value)
    : [...r.cardNums!.map((c) => c.value), r.totalCardNum!, ...(r.validThru ? [r.validThru.value] : [])];
  return values.sort();
}

/** Opens `result` for the specimen `file` as an imported card, and returns once the viewer shows its fields. */
async function openAnswer(app: CardlensPage, file: string, result: unknown): Promise<void> {
  const { page } = app;
  const entry = specimen(file);
  const session = {
    kind: 'cardlens-session',
    version: 1,
    redacted: false,
    cards: [{ file, sha256: entry.sha256, analysis: entry.service, result }],
  };
  await page.getByRole('tab', { name: 'Report' }).click();
  await page.getByLabel('Import session (.zip, or JSON and its images)').setInputFiles([
    { name: 'answer.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) },
    { name: file, mimeType: file.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: sampleBytes(file) },
  ]);
  await expect(page.getByText('Imported 1 cards without calling the API.')).toBeVisible();
  await page.getByRole('tab', { name: /^Batch/ }).click();
  await page.getByRole('table', { name: 'Results' }).getByRole('button', { name: file }).last().click();
  await expect.poll(async () => (await app.viewer())?.fields.map((f) => f.value).sort()).toEqual(valuesOf(result));
}

/** The EXIF specimen's answer with its third card-number group (5566, all of it hidden) given `third` as its box. */
function exifAnswerWithThirdBox(third: Box): unknown {
  const result = structuredClone(specimen(EXIF.file).result) as { cardNumBoxes: Box[] };
  result.cardNumBoxes[2] = third;
  return result;
}

for (const [name, third] of [
  ['far taller than the picture', box(510, -3000, 665, 3630)],
  ['near the float limit', box(510, -1e308, 665, 1e308)],
] as const) {
  test(`a card-number box ${name} leaves the card covered whole, with a note, on screen and in the PNG`, async ({
    page,
  }) => {
    const app = new CardlensPage(page);
    await app.open();
    await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
    await openAnswer(app, EXIF.file, exifAnswerWithThirdBox(third));
    const onScreen = await digitsIn(await canvasShot(app));
    expect.soft(onScreen).not.toContain(EXIF.group3);
    expect.soft(onScreen).not.toContain(EXIF.hidden);
    const exported = await digitsIn(await exportPng(page, 'Export redacted'));
    expect.soft(exported).not.toContain(EXIF.group3);
    expect.soft(exported).not.toContain(EXIF.hidden);
    await expect(page.getByText(/the whole card stays covered/)).toBeVisible();
    expect(app.problems).toEqual([]);
  });
}

test('presentation mode covers what the answer has no box for: an address, a photo', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  // As NHN answers a resident card: name, resident number, issue date and issuer, and nothing else placed.
  const full = specimen(RESIDENT.file).result as { keyValues: { key: string }[]; boxes?: unknown };
  const nhn = { ...full, boxes: undefined };
  // As the on-device reader answers it: no Hangul, so no name and no issuer.
  const device = { ...nhn, keyValues: full.keyValues.filter((kv) => kv.key !== 'name' && kv.key !== 'issuer') };
  for (const answer of [nhn, device]) {
    await openAnswer(app, RESIDENT.file, answer);
    const shown = await digitsIn(await canvasShot(app));
    expect.soft(shown).not.toContain(RESIDENT.addressNumber);
    expect.soft(shown).not.toContain(RESIDENT.hidden);
    // The issue date may show, and does.
    expect.soft(shown).toContain(RESIDENT.issued);
    expect.soft(await digitsIn(await exportPng(page, 'Export redacted'))).not.toContain(RESIDENT.addressNumber);
  }
  // The labels and the field list say no more than the picture: a name is hidden whole, the issue date shows.
  await openAnswer(app, RESIDENT.file, nhn);
  const name = full.keyValues.find((kv) => kv.key === 'name') as unknown as { value: string };
  await expect(page.getByRole('table').first()).toContainText('•••');
  await expect(page.getByRole('main')).not.toContainText(name.value);
  const probe = (await app.viewer())!;
  expect(probe.fields.filter((f) => f.key === 'name').map((f) => f.shown)).toEqual([
    '•'.repeat([...name.value].length),
  ]);
});

test('a letter in a card-number group shows no more than the first 6 and last 4 places', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  const result = structuredClone(specimen(EXIF.file).result) as { cardNums: { value: string }[]; totalCardNum: string };
  result.cardNums[3].value = 'OOOO';
  result.totalCardNum = '400005665566OOOO';
  await openAnswer(app, EXIF.file, result);
  const group = (n: number) => page.getByRole('button', { name: new RegExp(`^Card number ${n}\\b`) });
  await expect(group(1)).toContainText('4000');
  await expect(group(2)).toContainText('05••');
  await expect(group(3)).toContainText('••••');
  await expect(group(4)).toContainText('••••');
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  const shown = await digitsIn(await canvasShot(app));
  expect.soft(shown).toContain('4000');
  expect.soft(shown).not.toContain(EXIF.group3);
});

/**
 * How much detail the batch table's thumbnail of a card keeps inside `box` (image pixels of a
 * 1000-pixel-wide card): the mean step in brightness between neighbouring pixels, and how much of the
 * thumbnail is drawn at all. Thumbnails are too small for an OCR engine to read back, but not for a person.
 */
function thumbnailDetail(page: Page, box: Box): Promise<{ detail: number; drawn: number }> {
  return page.evaluate(async (box) => {
    const shown = document.querySelector('.results-row img, .results-row canvas')!;
    if (shown instanceof HTMLImageElement) await shown.decode();
    const source = shown as HTMLImageElement | HTMLCanvasElement;
    const width = source instanceof HTMLImageElement ? source.naturalWidth : source.width;
    const height = source instanceof HTMLImageElement ? source.naturalHeight : source.height;
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [width, height];
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    const pixels = ctx.getImageData(0, 0, width, height).data;
    const k = width / 1000;
    const [l, t, r, b] = [box.x1, box.y1, box.x3, box.y3].map((v) => Math.round(v * k));
    const lum = (x: number, y: number) => {
      const i = (y * width + x) * 4;
      return 0.3 * pixels[i] + 0.59 * pixels[i + 1] + 0.11 * pixels[i + 2];
    };
    let [steps, pairs, opaque] = [0, 0, 0];
    for (let y = t; y < b; y++)
      for (let x = l; x < r - 1; x++) {
        steps += Math.abs(lum(x + 1, y) - lum(x, y));
        pairs++;
      }
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] === 255) opaque++;
    return { detail: steps / pairs, drawn: opaque / (width * height) };
  }, box);
}

test('in presentation mode the batch table shows a card’s thumbnail covered as the card is', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.showSpecimen(EXIF.title, EXIF.file);
  await page.getByRole('tab', { name: /^Batch/ }).click();
  const group3 = (specimen(EXIF.file).result as { cardNumBoxes: Box[] }).cardNumBoxes[2];
  const plain = await thumbnailDetail(page, group3);
  expect(plain.drawn).toBe(1);
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await expect.poll(async () => (await thumbnailDetail(page, group3)).drawn).toBe(1);
  // Where the hidden digits are, the covered thumbnail is a few flat blocks: most of the detail is gone.
  expect((await thumbnailDetail(page, group3)).detail).toBeLessThan(plain.detail / 3);
});

test('an ID card read on this device keeps its address and resident number covered in presentation mode', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('checkbox', { name: 'Presentation mode' }).check();
  await app.service('ID card').check();
  // The resident specimen drawn again: other bytes, so no specimen's hash matches and the reader reads it.
  const photo = await page.evaluate(async () => {
    const bitmap = await createImageBitmap(await (await fetch('/samples/id-resident.png')).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
    const bytes = new Uint8Array(
      await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer(),
    );
    return Array.from(bytes);
  });
  await app.drop([{ name: 'my-id.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(photo) }]);
  await app.waitForDone('my-id.jpg');
  await expect(page.getByRole('note').filter({ hasText: 'Read on this device, not by NHN' })).toBeVisible();
  await app.settledViewer();
  const shown = await digitsIn(await canvasShot(app));
  expect.soft(shown).not.toContain(RESIDENT.addressNumber);
  expect.soft(shown).not.toContain(RESIDENT.hidden);
  expect.soft(await digitsIn(await exportPng(page, 'Export redacted'))).not.toContain(RESIDENT.addressNumber);
  expect(app.problems).toEqual([]);
});
