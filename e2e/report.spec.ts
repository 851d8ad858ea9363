import { expect, test, type Page } from '@playwright/test';
import { CardlensPage } from './support/cardlens-page';

/** Reviews two card-number groups of the credit-card specimen: one right, one right value in a wrong box. */
async function reviewOneRightOneWrongBox(page: Page, threshold = '0.8'): Promise<CardlensPage> {
  const app = new CardlensPage(page);
  await app.open();
  await app.analyseSample('Credit card');
  await page.getByRole('tab', { name: 'Card' }).click();
  await expect.poll(async () => (await app.viewer())?.fields.length).toBeGreaterThan(2);
  await page.locator('body').focus();
  for (const key of ['j', 'y', 'j', 'b']) await page.keyboard.press(key);
  await expect.poll(async () => Object.values((await app.viewer())!.verdicts).sort()).toEqual(['correct', 'wrong-box']);
  await page.getByRole('slider', { name: 'Confidence threshold' }).fill(threshold);
  await page.getByRole('tab', { name: 'Report' }).click();
  return app;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface ChartMeasure {
  width: number;
  height: number;
  /** The figure's content box: the column share the chart was given. */
  column: number;
  texts: (Box & { text: string })[];
  yTitle: Box | null;
  yTicks: Box[];
}

/** Every label's box in its chart's own coordinates, measured with getBBox and mapped through its transforms. */
function measureCharts(page: Page): Promise<ChartMeasure[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<SVGSVGElement>('.report svg[role="img"]')].map((svg) => {
      const toSvg = svg.getScreenCTM()!.inverse();
      const boxOf = (el: SVGGraphicsElement) => {
        const b = el.getBBox();
        const m = toSvg.multiply(el.getScreenCTM()!);
        const corners = [
          [b.x, b.y],
          [b.x + b.width, b.y],
          [b.x, b.y + b.height],
          [b.x + b.width, b.y + b.height],
        ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        const xs = corners.map((p) => p.x);
        const ys = corners.map((p) => p.y);
        return {
          x: Math.min(...xs),
          y: Math.min(...ys),
          width: Math.max(...xs) - Math.min(...xs),
          height: Math.max(...ys) - Math.min(...ys),
        };
      };
      const texts = [...svg.querySelectorAll('text')];
      const width = svg.viewBox.baseVal.width;
      const rotated = texts.find((t) => /rotate/.test(t.getAttribute('transform') ?? ''));
      const figure = svg.closest('figure');
      const style = figure ? getComputedStyle(figure) : null;
      return {
        width,
        height: svg.viewBox.baseVal.height,
        column: figure
          ? figure.clientWidth - parseFloat(style!.paddingLeft) - parseFloat(style!.paddingRight)
          : svg.parentElement!.clientWidth,
        texts: texts.map((t) => ({ text: t.textContent ?? '', ...boxOf(t) })),
        yTitle: rotated ? boxOf(rotated) : null,
        // The y-axis ticks: right-aligned labels on the chart's left half.
        yTicks: texts
          .filter((t) => t.getAttribute('text-anchor') === 'end' && Number(t.getAttribute('x')) < width / 2)
          .map(boxOf),
      };
    }),
  );
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function expectLabelsInside(page: Page) {
  const charts = await measureCharts(page);
  expect(charts).toHaveLength(2);
  for (const chart of charts) {
    for (const label of chart.texts) {
      expect(label.x, `"${label.text}" starts inside`).toBeGreaterThanOrEqual(0);
      expect(label.y, `"${label.text}" starts inside`).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width, `"${label.text}" ends inside`).toBeLessThanOrEqual(chart.width);
      expect(label.y + label.height, `"${label.text}" ends inside`).toBeLessThanOrEqual(chart.height);
    }
    expect(chart.yTitle).not.toBeNull();
    expect(chart.yTicks).toHaveLength(5);
    for (const tick of chart.yTicks) expect(overlaps(chart.yTitle!, tick)).toBe(false);
  }
  return charts;
}

test('the report charts are titled, as wide as their column, and keep every label inside', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // At 100% the threshold's label sits at the right edge, where it was cut off.
  await reviewOneRightOneWrongBox(page, '1');
  await expectLabelsInside(page);
  await expect(page.getByRole('figure', { name: 'Observed accuracy by confidence' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Threshold what-if' })).toBeVisible();
  const wide = await measureCharts(page);
  for (const chart of wide) expect(Math.abs(chart.width - chart.column)).toBeLessThanOrEqual(1);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect
    .poll(async () => (await measureCharts(page)).map((c) => Math.abs(c.width - c.column) <= 1))
    .toEqual([true, true]);
  const narrow = await expectLabelsInside(page);
  expect(narrow[0].width).toBeLessThan(wide[0].width);
  for (const chart of narrow) expect(chart.width).toBeLessThanOrEqual(390);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('figure', { name: '신뢰도별 실제 정확도' })).toBeVisible();
  await expectLabelsInside(page);
});

test('a wrong box shows in box accuracy, apart from value accuracy, saying which is which', async ({ page }) => {
  await reviewOneRightOneWrongBox(page);
  const table = page.getByRole('table', { name: 'Accuracy' });
  // Reviewed 2, right values 2 (100%), 1 wrong box (box accuracy 50%).
  await expect(table.getByRole('row', { name: /Card number/ })).toHaveText(/^Card number\s*2\s*2\s*100%\s*1\s*50%$/);
  await expect(table.getByRole('columnheader', { name: 'Value accuracy' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Box accuracy' })).toBeVisible();
  await expect(table.getByRole('row', { name: /All fields/ })).toHaveText(/^All fields\s*2\s*2\s*100%\s*1\s*50%$/);
  await expect(
    page.getByText(/^Value accuracy: values read right, a right value in a wrong box included/),
  ).toBeVisible();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const ko = page.getByRole('table', { name: '정확도' });
  await expect(ko.getByRole('columnheader', { name: '값 정확도' })).toBeVisible();
  await expect(ko.getByRole('columnheader', { name: '상자 정확도' })).toBeVisible();
  await expect(ko.getByRole('row', { name: /전체 필드/ })).toHaveText(/^전체 필드\s*2\s*2\s*100%\s*1\s*50%$/);
});

test('the report says what each count counts, and moves the one threshold the Card tab uses', async ({ page }) => {
  await reviewOneRightOneWrongBox(page);
  await expect(page.getByTestId('report-fields')).toHaveText('2');
  await expect(
    page.getByText('2: 2 with a confidence score, 0 without one (no threshold sends those to review)'),
  ).toBeVisible();
  const whatIf = page.getByTestId('report-what-if');
  await expect(whatIf).toContainText(
    'If the threshold were 80%: of the 2 reviewed fields that have a confidence score,',
  );

  const slider = page.getByRole('slider', { name: 'Confidence threshold' });
  await expect(slider).toHaveAccessibleDescription(/same setting as the Card tab’s slider/);
  await slider.fill('1');
  await expect(whatIf).toHaveText(
    'If the threshold were 100%: all 2 reviewed fields that have a confidence score fall under it and would go to review; none is left unreviewed',
  );
  await page.getByRole('tab', { name: 'Card' }).click();
  await expect(page.getByRole('slider', { name: 'Confidence threshold' })).toHaveValue('1');
  await page.getByRole('slider', { name: 'Confidence threshold' }).fill('0');
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(whatIf).toContainText(
    'If the threshold were 0%: of the 2 reviewed fields that have a confidence score, 0 fall under it',
  );

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByText('2: 신뢰도 점수가 있는 필드 2개, 없는 필드 0개', { exact: false })).toBeVisible();
  await expect(page.getByRole('slider', { name: '신뢰도 기준' })).toHaveValue('0');
  await expect(whatIf).toContainText('기준이 0%라면: 신뢰도 점수가 있는 검수 필드 2개 중 0개가 기준 미만');
});
