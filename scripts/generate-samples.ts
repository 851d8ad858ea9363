// npm run samples — draws the specimen cards in Chromium into public/samples/ with manifest.json.
// The output is committed, so users need neither this script nor its fonts (Debian: fonts-noto-cjk).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { CreditCardResult, IdCardResult, ImageQuad, SampleEntry } from '../src/api/types';
import { browserLaunchOptions } from './browser.mjs';
import { bytesOfDataUrl } from './samples/data-url';
import { drawCardInPage, type DrawnCard, type Rect } from './samples/draw-card';
import { withExifOrientation } from './samples/exif';
import { cssMatrix3d, homography, project, type Point } from './samples/geometry';
import {
  creditCardDrawing,
  DERIVED_FROM,
  DRIVER,
  driverDrawing,
  ID_KEY_ORDER,
  PASSPORT,
  passportDrawing,
  RESIDENT,
  residentDrawing,
  type CardDrawing,
} from './samples/specimens';

const OUT = resolve(import.meta.dirname, '../public/samples');
// The manifest holds plain JSON; the brand only says which space the numbers are in.
type Quad = ImageQuad;

const quadOf = ([l, t, r, b]: Rect): Quad => ({ x1: l, y1: t, x2: r, y2: t, x3: r, y3: b, x4: l, y4: b }) as Quad;
const cornersOf = ([l, t, r, b]: Rect): Point[] => [
  [l, t],
  [r, t],
  [r, b],
  [l, b],
];
const quadFromPoints = (p: Point[]): Quad =>
  ({
    x1: Math.round(p[0][0]),
    y1: Math.round(p[0][1]),
    x2: Math.round(p[1][0]),
    y2: Math.round(p[1][1]),
    x3: Math.round(p[2][0]),
    y3: Math.round(p[2][1]),
    x4: Math.round(p[3][0]),
    y4: Math.round(p[3][1]),
  }) as Quad;
const confOf = (card: CardDrawing, field: string) =>
  card.items.find((i) => i.kind === 'text' && i.field === field)?.kind === 'text'
    ? ((card.items.find((i) => i.kind === 'text' && i.field === field) as { conf?: number }).conf ?? 0.9)
    : 0.9;

async function draw(page: Page, card: CardDrawing, scale = 1, jpegRotated = false) {
  return page.evaluate(drawCardInPage, { card, scale, jpegRotated });
}

function creditCardResult(
  card: CardDrawing,
  drawn: DrawnCard,
  groups: string[],
  validThru: string,
  fileType: string,
  resolution: string,
  boxOf = quadOf,
): CreditCardResult {
  return {
    fileType,
    resolution,
    cardNums: groups.map((value, i) => ({ value, conf: confOf(card, `cardNums.${i}`) })),
    totalCardNum: groups.join(''),
    cardNumBoxes: groups.map((_, i) => boxOf(drawn.fields[`cardNums.${i}`])),
    validThru: { value: validThru, conf: confOf(card, 'validThru') },
    validThruBox: boxOf(drawn.fields.validThru),
  };
}

function idCardResult(
  card: CardDrawing,
  drawn: DrawnCard,
  idType: keyof typeof ID_KEY_ORDER,
  values: Record<string, string>,
): IdCardResult {
  return {
    fileType: 'png',
    resolution: 'normal',
    idType,
    keyValues: ID_KEY_ORDER[idType].map((key) => {
      const source = DERIVED_FROM[key] ?? key;
      return { key, value: values[key], conf: confOf(card, source), bbox: quadOf(drawn.fields[source]) };
    }),
    boxes: drawn.extras.map(quadOf),
  };
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const browser = await chromium.launch(browserLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
  await page.addInitScript('globalThis.__name = (fn) => fn;');
  await page.goto('about:blank');
  const samples: SampleEntry[] = [];
  type Entry = SampleEntry extends infer E ? (E extends SampleEntry ? Omit<E, 'file' | 'sha256'> : never) : never;
  const write = async (file: string, bytes: Uint8Array, entry: Entry) => {
    await writeFile(join(OUT, file), bytes);
    samples.push({ file, sha256: createHash('sha256').update(bytes).digest('hex'), ...entry });
    console.log(`${file}: ${bytes.length} bytes`);
  };

  // 1. Credit card (Visa test number).
  {
    const groups = ['4111', '1111', '1111', '1111'];
    const card = creditCardDrawing(groups, '09/29', 'HONG GILDONG', 'VISA', [0.99, 0.97, 0.95, 0.72, 0.91]);
    const drawn = await draw(page, card);
    await write('credit-card.png', bytesOfDataUrl(drawn.pngDataUrl), {
      title: { en: 'Credit card', ko: '신용카드' },
      service: 'credit-card',
      width: 1000,
      height: 630,
      result: creditCardResult(card, drawn, groups, '09/29', 'png', 'normal'),
    });
  }

  // 2. Resident registration card, 3. driver's licence, 4. passport.
  for (const [file, title, drawing, idType, values] of [
    [
      'id-resident.png',
      { en: 'Resident registration card', ko: '주민등록증' },
      residentDrawing(),
      'resident',
      RESIDENT,
    ],
    ['id-driver.png', { en: "Driver's licence", ko: '운전면허증' }, driverDrawing(), 'driver', DRIVER],
    ['id-passport.png', { en: 'Passport', ko: '여권' }, passportDrawing(), 'passport', PASSPORT],
  ] as const) {
    const drawn = await draw(page, drawing);
    await write(file, bytesOfDataUrl(drawn.pngDataUrl), {
      title,
      service: 'id-card',
      width: drawing.width,
      height: drawing.height,
      result: idCardResult(drawing, drawn, idType, values),
    });
  }

  // 5. A card photographed at an angle: the flat card projected by a homography onto a table.
  {
    const groups = ['5555', '5555', '5555', '4444'];
    const card = creditCardDrawing(groups, '11/28', 'KIM GYEONBON', 'MC', [0.93, 0.88, 0.9, 0.69, 0.84]);
    const drawn = await draw(page, card);
    const target: Point[] = [
      [190, 150],
      [1050, 250],
      [985, 790],
      [115, 640],
    ];
    const h = homography(
      [
        [0, 0],
        [1000, 0],
        [1000, 630],
        [0, 630],
      ],
      target,
    );
    await page.setContent(
      `<body style="margin:0"><div id="scene" style="position:relative;width:1200px;height:900px;overflow:hidden;` +
        `background:linear-gradient(160deg,#7a5a40,#4e3826)"><img src="${drawn.pngDataUrl}" style="position:absolute;left:0;top:0;` +
        `width:1000px;height:630px;transform-origin:0 0;transform:${cssMatrix3d(h)};box-shadow:0 0 40px rgba(0,0,0,.5)"></div></body>`,
    );
    await page.locator('#scene img').evaluate((img: HTMLImageElement) => img.decode());
    const png = new Uint8Array(await page.locator('#scene').screenshot({ type: 'png' }));
    const boxOf = (r: Rect) => quadFromPoints(cornersOf(r).map((p) => project(h, p)));
    await write('credit-card-angled.png', png, {
      title: { en: 'Credit card at an angle', ko: '비스듬히 찍은 신용카드' },
      service: 'credit-card',
      width: 1200,
      height: 900,
      result: creditCardResult(card, drawn, groups, '11/28', 'png', 'normal', boxOf),
    });
    await page.goto('about:blank');
  }

  // 6. Low resolution (600×378, below 760×480): American Express test number, 4-6-5 grouping,
  //    expired on purpose so that the expiry rule has something to flag on a specimen.
  {
    const groups = ['3782', '822463', '10005'];
    const card = creditCardDrawing(groups, '05/25', 'LEE SAMPLE', 'AMEX', [0.81, 0.66, 0.7, 0.58]);
    const drawn = await draw(page, card, 0.6);
    await write('credit-card-low-res.png', bytesOfDataUrl(drawn.pngDataUrl), {
      title: { en: 'Low-resolution credit card', ko: '저해상도 신용카드' },
      service: 'credit-card',
      width: 600,
      height: 378,
      result: creditCardResult(card, drawn, groups, '05/25', 'png', 'low'),
    });
  }

  // 7. JPEG with EXIF orientation 6; boxes in the upright space a browser shows.
  {
    const groups = ['4000', '0566', '5566', '5556'];
    const card = creditCardDrawing(groups, '12/30', 'PARK YEONSEUP', 'VISA', [0.98, 0.96, 0.94, 0.9, 0.87]);
    const drawn = await draw(page, card, 1, true);
    const jpeg = withExifOrientation(bytesOfDataUrl(drawn.jpegRotatedDataUrl!), 6);
    await write('credit-card-exif6.jpg', jpeg, {
      title: { en: 'Photo with EXIF rotation', ko: 'EXIF 회전 사진' },
      service: 'credit-card',
      width: 1000,
      height: 630,
      result: creditCardResult(card, drawn, groups, '12/30', 'jpg', 'normal'),
    });
  }

  // 8. A high-resolution scan (about 2 MB), for the drop-to-overlay benchmark.
  {
    const groups = ['4111', '1111', '1111', '1111'];
    const card = creditCardDrawing(groups, '09/29', 'HONG GILDONG', 'VISA', [0.99, 0.97, 0.95, 0.72, 0.91]);
    const drawn = await draw(page, card, 1.8);
    await write('credit-card-hires.png', bytesOfDataUrl(drawn.pngDataUrl), {
      title: { en: 'High-resolution scan', ko: '고해상도 스캔' },
      service: 'credit-card',
      width: 1800,
      height: 1134,
      result: creditCardResult(card, drawn, groups, '09/29', 'png', 'normal'),
    });
  }

  await browser.close();
  await writeFile(join(OUT, 'manifest.json'), JSON.stringify({ samples }, null, 2) + '\n');
  console.log(`wrote ${samples.length} samples and manifest.json to ${OUT}`);
}

await main();
