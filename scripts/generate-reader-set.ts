// The on-device reader's accuracy set: synthetic SPECIMEN cards (credit, resident, driver), each a JPEG
// with its ground truth. Drawn differently from the specimens (scripts/samples/): OffscreenCanvas, other
// fonts, patterns, tilt, blur, noise and JPEG quality all from a seed.
//
//   npx tsx scripts/generate-reader-set.ts [outDir] [--count 60] [--first-seed 1]
//   npx tsx scripts/generate-reader-set.ts --fixtures   (rewrites the 6 cards in src/reader/fixtures/)
//
// The output is not committed (outDir defaults to a new temp dir); only the small fixture subset is.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { format } from 'prettier';
import { browserLaunchOptions } from './browser.mjs';
import { drawInPage, type Quad } from './reader-set/draw';
import { cardSpec, type SpecOptions, type Truth } from './reader-set/layout';

export type { Truth } from './reader-set/layout';

export interface CardTruth {
  seed: number;
  file: string;
  width: number;
  height: number;
  truth: Truth;
  /** Each field's box in image pixels (cardNums.0…, validThru, residentNumber, issueDate, driverLicenseNumber). */
  boxes: Record<string, Quad>;
  drawing: { fonts: string[]; tiltDeg: number; blur: number; noise: number; jpegQuality: number; pattern: string };
}

export interface GeneratedCard {
  bytes: Uint8Array;
  fileName: string;
  truth: CardTruth;
}

/**
 * One synthetic card drawn in the given page (any page of a Chromium: the drawing needs only an
 * OffscreenCanvas and the system fonts). The same seed gives the same card.
 */
export async function generateCard(page: Page, seed: number, options: SpecOptions = {}): Promise<GeneratedCard> {
  const spec = cardSpec(seed, options);
  // tsx keeps function names with a helper the page does not have.
  await page.evaluate('globalThis.__name ??= (fn) => fn');
  const drawn = await page.evaluate(drawInPage, spec);
  const fileName = `card-${String(seed).padStart(3, '0')}.jpg`;
  return {
    bytes: new Uint8Array(Buffer.from(drawn.jpegBase64, 'base64')),
    fileName,
    truth: {
      seed,
      file: fileName,
      width: drawn.width,
      height: drawn.height,
      truth: spec.truth,
      boxes: drawn.boxes,
      drawing: {
        fonts: [...new Set(spec.items.filter((i) => i.field).map((i) => i.font))],
        tiltDeg: Math.round(spec.scene.tiltDeg * 100) / 100,
        blur: Math.round(spec.blur * 100) / 100,
        noise: Math.round(spec.noise * 10) / 10,
        jpegQuality: Math.round(spec.jpegQuality * 100) / 100,
        pattern: spec.card.pattern,
      },
    },
  };
}

/** The committed unit-level subset: three credit cards, three ID cards, small JPEGs. */
export const FIXTURE_SEEDS: { seed: number; service: 'credit-card' | 'id-card' }[] = [
  { seed: 101, service: 'credit-card' },
  { seed: 102, service: 'credit-card' },
  { seed: 103, service: 'credit-card' },
  { seed: 201, service: 'id-card' },
  { seed: 202, service: 'id-card' },
  { seed: 203, service: 'id-card' },
];
export const FIXTURE_DIR = resolve(import.meta.dirname, '../src/reader/fixtures');

// Formatted as the repository's Prettier would, so committed fixtures pass `prettier --check`.
const json = (value: unknown) => format(JSON.stringify(value), { parser: 'json' });

async function writeSet(page: Page, dir: string, cards: { seed: number; options: SpecOptions }[]) {
  await mkdir(dir, { recursive: true });
  const truths: CardTruth[] = [];
  for (const { seed, options } of cards) {
    const card = await generateCard(page, seed, options);
    await writeFile(join(dir, card.fileName), card.bytes);
    await writeFile(join(dir, card.fileName.replace(/\.jpg$/, '.json')), await json(card.truth));
    truths.push(card.truth);
  }
  await writeFile(join(dir, 'truth.json'), await json({ cards: truths }));
  return truths;
}

async function main(args: string[]) {
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args.splice(at, 2)[1];
  };
  const fixtures = args.includes('--fixtures');
  const count = Number(flag('--count') ?? 60);
  const first = Number(flag('--first-seed') ?? 1);
  const positional = args.filter((a) => !a.startsWith('--'));
  const dir = fixtures
    ? FIXTURE_DIR
    : positional[0]
      ? resolve(positional[0])
      : await mkdtemp(join(tmpdir(), 'cardlens-reader-set-'));
  const browser = await chromium.launch(browserLaunchOptions());
  try {
    const page = await browser.newPage();
    const cards = fixtures
      ? FIXTURE_SEEDS.map(({ seed, service }) => ({ seed, options: { small: true, service } }))
      : Array.from({ length: count }, (_, i) => ({ seed: first + i, options: {} }));
    const truths = await writeSet(page, dir, cards);
    const kinds = truths.reduce<Record<string, number>>((acc, t) => {
      const kind = t.truth.service === 'credit-card' ? 'credit-card' : t.truth.idType;
      return { ...acc, [kind]: (acc[kind] ?? 0) + 1 };
    }, {});
    console.log(`${truths.length} cards in ${dir}:`, kinds);
  } finally {
    await browser.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv.slice(2));
