import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { expect, test } from '@playwright/test';
import { CardlensPage, sampleBytes } from './support/cardlens-page';

// Valid-but-odd results reach the viewer through a session import (no API call): boxes far outside
// the image, of zero area, crossed, or huge; empty values; very long values.
const IMAGE = 'credit-card.png';
const sha256 = createHash('sha256').update(sampleBytes(IMAGE)).digest('hex');
const coordinate = fc.oneof(fc.integer({ min: -5000, max: 6000 }), fc.constantFrom(0, 500, 1e6, -1e6));
const quad = fc.oneof(
  fc.record({
    x1: coordinate,
    y1: coordinate,
    x2: coordinate,
    y2: coordinate,
    x3: coordinate,
    y3: coordinate,
    x4: coordinate,
    y4: coordinate,
  }),
  coordinate.chain((c) => fc.constant({ x1: c, y1: c, x2: c, y2: c, x3: c, y3: c, x4: c, y4: c })), // zero area
);
const recognised = fc.record({
  value: fc.oneof(fc.string({ maxLength: 2000 }), fc.constant('')),
  conf: fc.double({ min: 0, max: 1, noNaN: true }),
});
const oddResult = fc.record({
  fileType: fc.constant('png'),
  resolution: fc.constantFrom('normal', 'low', 'unheard-of'),
  cardNums: fc.array(recognised, { maxLength: 8 }),
  totalCardNum: fc.string({ maxLength: 40 }),
  cardNumBoxes: fc.array(quad, { maxLength: 8 }),
  validThru: fc.option(recognised, { nil: undefined }),
  validThruBox: fc.option(quad, { nil: undefined }),
  boxes: fc.array(quad, { maxLength: 5 }),
});

test('the viewer draws generated odd results without crashing', async ({ page }) => {
  const app = new CardlensPage(page);
  await app.open();
  await page.getByRole('tab', { name: 'Report' }).click();
  const cases = fc.sample(oddResult, { numRuns: 6, seed: 20261125 });
  for (const [i, result] of cases.entries()) {
    const session = {
      kind: 'cardlens-session',
      version: 1,
      redacted: false,
      cards: [{ file: IMAGE, sha256, analysis: 'credit-card', result }],
    };
    await page.getByLabel('Import session (.zip, or JSON and its images)').setInputFiles([
      { name: `odd-${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(session)) },
      { name: IMAGE, mimeType: 'image/png', buffer: sampleBytes(IMAGE) },
    ]);
    await expect(page.getByText('Imported 1 cards without calling the API.')).toBeVisible();
    await page.getByRole('tab', { name: /^Batch/ }).click();
    await page.getByRole('table', { name: 'Results' }).getByRole('button', { name: IMAGE }).nth(i).click();
    const drawn =
      Math.min(result.cardNums.length, result.cardNumBoxes.length) + (result.validThru && result.validThruBox ? 1 : 0);
    await expect.poll(async () => (await app.viewer())?.boxesDrawn).toBe(drawn);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('tab', { name: 'Rules' }).click();
    await page.getByRole('tab', { name: 'Report' }).click();
  }
  expect(app.problems).toEqual([]);
  expect(await app.cspViolations()).toEqual([]);
});
