// What one synthetic card looks like: its text, colours, fonts, pose and degradation, from a seed.
// Drawn by draw.ts; the truth is what a perfect reader would answer.
import { koreanIdItems } from './korean-layout';
import { cardNumber, issueDate, licenceNumber, random, residentNumber, type Brand, type Random } from './random';

// Fonts on Debian's fonts-dejavu and fonts-liberation (fc-list); the browser falls back if one is missing.
export const FONTS = [
  'DejaVu Sans',
  'DejaVu Sans Mono',
  'DejaVu Serif',
  'DejaVu Sans Condensed',
  'Liberation Sans',
  'Liberation Serif',
  'Liberation Mono',
  'Liberation Sans Narrow',
] as const;

export interface TextItem {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  font: string;
  bold: boolean;
  color: string;
  /** Extra pixels between characters. */
  spacing: number;
  embossed: boolean;
  /** Placed this many pixels after the previous item's end instead of at x. */
  after?: number;
  /** Ground-truth field whose box this text is. */
  field?: string;
}

export type Truth =
  | { service: 'credit-card'; totalCardNum: string; cardNums: string[]; validThru: string }
  | {
      service: 'id-card';
      idType: 'resident' | 'driver';
      residentNumber: string;
      issueDate: string;
      driverLicenseNumber?: string;
      /** The Hangul fields, on the Korean set's cards. */
      name?: string;
      issuer?: string;
      licenseType?: string;
    };

export interface CardSpec {
  seed: number;
  card: {
    width: number;
    height: number;
    pattern: 'plain' | 'stripes' | 'waves' | 'dots' | 'circles';
    colors: string[];
  };
  scene: { width: number; height: number; colors: string[]; tiltDeg: number; dx: number; dy: number };
  items: TextItem[];
  chip: boolean;
  photo: boolean;
  blur: number;
  noise: number;
  light: number;
  jpegQuality: number;
  truth: Truth;
}

const DARK = ['#1b2a49', '#2d1e3e', '#0f3d3e', '#3a3a3a', '#4a1c1c', '#123524', '#202020', '#28335c'];
const LIGHT = ['#f4f1ea', '#e8eef5', '#f6e9d7', '#e9f2e6', '#fafafa', '#dfe7ef', '#f3e0e6', '#eeeeee'];
const MID = ['#8a6d3b', '#4f7cac', '#9b4f6b', '#5a8f69', '#b07a3a', '#6c5b9e', '#c0c0c0', '#7a8a99'];

const month2 = (r: Random) => String(r.int(1, 12)).padStart(2, '0');

function creditItems(
  r: Random,
  w: number,
  h: number,
  text: (t: Omit<TextItem, 'font' | 'color' | 'bold' | 'spacing' | 'embossed'> & Partial<TextItem>) => TextItem,
) {
  const brand: Brand = r.pick(['visa', 'visa', 'mastercard', 'mastercard', 'amex', 'domestic']);
  const { number, groups } = cardNumber(r, brand);
  const size = Math.round(h * r.range(0.085, 0.115));
  const numberFont = r.pick(FONTS);
  const embossed = r.chance(0.4);
  const gap = size * r.range(0.6, 1.3);
  const x0 = w * r.range(0.06, 0.1);
  const y = h * r.range(0.56, 0.64);
  const items: TextItem[] = [
    text({
      text: r.pick(['SPECIMEN BANK', 'SAMPLE CARD CO.', 'TEST PAY', 'DEMO CREDIT', 'EXAMPLE BANK']),
      x: x0,
      y: h * 0.16,
      size: Math.round(h * 0.075),
      bold: true,
    }),
    text({ text: 'SPECIMEN', x: w * r.range(0.55, 0.7), y: h * r.range(0.14, 0.3), size: Math.round(h * 0.06) }),
  ];
  const spacing = r.chance(0.3) ? size * 0.08 : 0;
  // Group widths are measured in the page: each group starts a gap after the previous one ends.
  groups.forEach((g, i) =>
    items.push(
      text({
        text: g,
        x: x0,
        after: i ? gap : undefined,
        y,
        size,
        font: numberFont,
        embossed,
        spacing,
        field: `cardNums.${i}`,
      }),
    ),
  );
  const validThru = `${month2(r)}/${String(r.int(26, 35))}`;
  const small = Math.round(size * r.range(0.55, 0.75));
  const ey = y + size * r.range(1.3, 1.7);
  const ex = w * r.range(0.3, 0.5);
  const label = r.pick(['VALID THRU', 'GOOD THRU', 'EXP', 'EXPIRES', '']);
  if (label)
    items.push(
      text({ text: label, x: ex - small * label.length * 0.62 - small * 0.5, y: ey, size: Math.round(small * 0.6) }),
    );
  items.push(text({ text: validThru, x: ex, y: ey, size: small, font: numberFont, embossed, field: 'validThru' }));
  // A start date under the expiry, or the holder's name: not both, there is no room.
  if (r.chance(0.2))
    items.push(
      text({
        text: `VALID FROM ${month2(r)}/${r.int(19, 24)}`,
        x: ex,
        y: ey + small * 1.2,
        size: Math.round(small * 0.55),
      }),
    );
  else
    items.push(
      text({
        text: r.pick(['SPECIMEN HOLDER', 'JANE Q SAMPLE', 'HONG GILDONG', 'TEST CARDHOLDER']),
        x: x0,
        y: h * 0.9,
        size: Math.round(small * 0.9),
        embossed,
      }),
    );
  return { items, truth: { service: 'credit-card' as const, totalCardNum: number, cardNums: groups, validThru } };
}

function idItems(
  r: Random,
  w: number,
  h: number,
  text: (t: Omit<TextItem, 'font' | 'color' | 'bold' | 'spacing' | 'embossed'> & Partial<TextItem>) => TextItem,
) {
  const driver = r.chance(0.45);
  const resident = residentNumber(r);
  const issued = issueDate(r);
  const size = Math.round(h * r.range(0.06, 0.075));
  const x0 = w * r.range(0.05, 0.08);
  const font = r.pick(FONTS);
  const items: TextItem[] = [
    text({
      text: driver ? "DRIVER'S LICENSE (SPECIMEN)" : 'RESIDENT REGISTRATION CARD (SPECIMEN)',
      x: x0,
      y: h * 0.15,
      size: Math.round(h * 0.065),
      bold: true,
    }),
  ];
  let y = h * (driver ? 0.28 : 0.3);
  const row = () => (y += size * (driver ? r.range(1.5, 1.7) : r.range(1.6, 2.0)));
  let licence: string | undefined;
  if (driver) {
    licence = licenceNumber(r);
    items.push(text({ text: licence, x: x0, y, size, font, bold: r.chance(0.5), field: 'driverLicenseNumber' }));
    const kind = r.pick(['1 CLASS ORDINARY', 'CLASS 2', 'TYPE 1']);
    items.push(text({ text: kind, x: x0, after: size * 1.2, y, size: Math.round(size * 0.7) }));
    row();
  }
  items.push(
    text({
      text: r.pick(['HONG GILDONG', 'KIM SAMPLE', 'LEE SPECIMEN']),
      x: x0,
      y,
      size: Math.round(size * 1.2),
      bold: true,
    }),
  );
  row();
  items.push(text({ text: resident, x: x0, y, size, font, field: 'residentNumber' }));
  row();
  if (!driver)
    items.push(
      text({ text: `${r.int(1, 300)}, SAMPLE-RO, JONGNO-GU, SEOUL`, x: x0, y, size: Math.round(size * 0.75) }),
    );
  else {
    const year = r.int(2027, 2034);
    items.push(text({ text: `RENEWAL ${year}.01.01~${year}.12.31`, x: x0, y, size: Math.round(size * 0.75) }));
  }
  const dateAt = h * r.range(0.8, 0.86);
  items.push(
    text({
      text: issued,
      x: driver ? x0 : w * r.range(0.3, 0.4),
      y: dateAt,
      size: Math.round(size * 0.9),
      font,
      field: 'issueDate',
    }),
  );
  items.push(text({ text: 'SPECIMEN CITY', x: w * 0.35, y: h * 0.94, size: Math.round(size * 0.9), bold: true }));
  if (driver)
    items.push(
      text({ text: r.pick(['A1B2C3', 'K9X4Q', 'Z7Y6W5']), x: w * 0.78, y: h * 0.94, size: Math.round(size * 0.7) }),
    );
  const truth: Truth = driver
    ? {
        service: 'id-card',
        idType: 'driver',
        residentNumber: resident,
        issueDate: issued,
        driverLicenseNumber: licence,
      }
    : { service: 'id-card', idType: 'resident', residentNumber: resident, issueDate: issued };
  return { items, truth };
}

export interface SpecOptions {
  /** Smaller images at lower quality (the committed fixtures stay under 150 KB). */
  small?: boolean;
  service?: 'credit-card' | 'id-card';
  /** A Korean card of this type, its Hangul in one of these fonts (scripts/reader-set/korean-layout.ts). */
  korean?: { idType: 'resident' | 'driver'; fonts: readonly string[] };
}

/** Everything about the card of this seed. */
export function cardSpec(seed: number, options: SpecOptions = {}): CardSpec {
  const r = random(seed);
  const service = options.korean ? 'id-card' : (options.service ?? (r.chance(0.6) ? 'credit-card' : 'id-card'));
  const width = options.small ? r.int(520, 640) : r.int(600, 1000);
  const height = Math.round(width / 1.586);
  const darkCard = service === 'credit-card' ? r.chance(0.55) : r.chance(0.15);
  const cardColors = darkCard ? [r.pick(DARK), r.pick(MID)] : [r.pick(LIGHT), r.pick(LIGHT), r.pick(MID)];
  const ink = darkCard
    ? r.pick(['#ffffff', '#f0e6c8', '#e0e0e0'])
    : r.pick(['#111111', '#1d2b53', '#2b2b2b', '#3b1f1f']);
  const text = (
    t: Omit<TextItem, 'font' | 'color' | 'bold' | 'spacing' | 'embossed'> & Partial<TextItem>,
  ): TextItem => ({
    font: r.pick(FONTS),
    color: ink,
    bold: false,
    spacing: 0,
    embossed: false,
    ...t,
  });
  const { items, truth } = options.korean
    ? koreanIdItems(r, width, height, text, options.korean.idType, options.korean.fonts)
    : service === 'credit-card'
      ? creditItems(r, width, height, text)
      : idItems(r, width, height, text);
  const margin = r.range(1.08, 1.3);
  return {
    seed,
    card: { width, height, pattern: r.pick(['plain', 'stripes', 'waves', 'dots', 'circles']), colors: cardColors },
    scene: {
      width: Math.round(width * margin + 40),
      height: Math.round(height * margin + 60),
      colors: [r.pick([...DARK, ...MID, ...LIGHT]), r.pick([...DARK, ...MID])],
      tiltDeg: r.range(-8, 8),
      dx: r.range(-10, 10),
      dy: r.range(-10, 10),
    },
    items,
    chip: service === 'credit-card' && r.chance(0.8),
    photo: service === 'id-card',
    blur: r.chance(0.3) ? 0 : r.range(0.2, options.small ? 1 : 1.6),
    noise: r.range(0, options.small ? 6 : 14),
    light: r.range(0, 0.35),
    jpegQuality: options.small ? r.range(0.6, 0.75) : r.range(0.55, 0.95),
    truth,
  };
}
