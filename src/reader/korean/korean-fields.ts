// Which of a card's detected lines hold its Hangul fields, and what they say once the Hangul recogniser
// has read them. The detector finds every line; the Chinese/English recogniser reads Hangul as junk or
// with a low confidence, and the card's layout says which line is which: the name just above the
// resident number, a licence's classes on its number's row or the row above, the issuer under the issue date.
import { quadBounds, quadCentre, quadHeight, type Quad } from '@/lib/quad';
import { startsUnder } from '../card-text';
import type { ReadLine } from '../types';
import { readKoreanName } from './korean-name';
import { LICENCE_ISSUERS, RESIDENT_CARD_ISSUERS } from './korean-sets';
import { licenceClasses, snapLicenceClass, type LicenceClassRead } from './licence-classes';
import { snapToSet } from './snap';
import { hangulDistance, hangulOnly } from './hangul';
import { DISPUTED_CONF } from './line-image';
import type { HangulText } from './types';

export interface KoreanKeyValue {
  key: 'name' | 'issuer' | 'licenseType' | 'koreanName';
  value: string;
  conf: number;
  bbox: Quad;
}

/** The digit fields already found, with their boxes (the parser's keyValues). */
interface Anchor {
  key: string;
  bbox: Quad;
}

/** A passport's lines have no role until read: which one is the Korean name, its label says. */
type Role = 'name' | 'issuer' | 'licenseType' | 'passport';

export interface PlannedLine {
  role: Role;
  quad: Quad;
  /** For a licence's classes: the class digits the Chinese/English recogniser saw there ("12"), which reads digits better. */
  digits?: string;
}

export interface HangulPlan {
  idType: 'resident' | 'driver' | 'passport';
  /** Lines to read with the Hangul recogniser, each with the role its place gives it. */
  lines: PlannedLine[];
}

/**
 * A line that the Chinese/English recogniser read confidently as digits and Latin, with about as many
 * characters as its shape holds, is not Hangul ("2종 보통" can come back as a confident "2": too few for its width).
 */
function plainlyLatin(l: ReadLine): boolean {
  const width = Math.hypot(l.quad.x2 - l.quad.x1, l.quad.y2 - l.quad.y1);
  const fits = l.text.length >= (0.5 * width) / Math.max(1, quadHeight(l.quad));
  return fits && l.conf >= 0.8 && /^[\x20-\x7e]+$/.test(l.text) && /[0-9A-Za-z]/.test(l.text);
}

const left = (q: Quad) => quadBounds(q).left;
const right = (q: Quad) => quadBounds(q).right;

const inside = (p: { x: number; y: number }, q: Quad) =>
  p.x >= Math.min(q.x1, q.x4) &&
  p.x <= Math.max(q.x2, q.x3) &&
  p.y >= Math.min(q.y1, q.y2) &&
  p.y <= Math.max(q.y3, q.y4);

/** At most this many lines of a licence number's row are read as its classes. */
const MAX_ROW_LINES = 2;

/** The lines of a resident card or licence worth reading in Hangul, by their place against the digit fields. */
export function planHangulLines(
  lines: readonly ReadLine[],
  anchors: readonly Anchor[],
  idType: string,
): HangulPlan | null {
  if (idType === 'passport') return passportPlan(lines, anchors);
  if (idType !== 'resident' && idType !== 'driver') return null;
  const at = (key: string) => anchors.find((a) => a.key === key)?.bbox;
  const resident = at('residentNumber');
  const licence = at('driverLicenseNumber');
  const issued = at('issueDate');
  const candidates = lines.filter((l) => !plainlyLatin(l) && !anchors.some((a) => inside(quadCentre(l.quad), a.bbox)));
  const y = (q: Quad) => quadCentre(q).y;
  const h = (q: Quad) => Math.max(1, quadHeight(q));
  const plan: HangulPlan = { idType, lines: [] };
  const taken = new Set<ReadLine>();
  const take = (role: Role, line: ReadLine | undefined) => {
    if (!line || taken.has(line)) return;
    taken.add(line);
    const digits = role === 'licenseType' ? line.text.normalize('NFKC').replace(/[^12]/g, '') : '';
    plan.lines.push({ role, quad: line.quad, ...(digits && { digits }) });
  };
  // On the row of q: where q's top edge, carried along its own slope, would be (a tilted card's rows slope too).
  const sameRow = (l: ReadLine, q: Quad) => {
    const slope = (q.y2 - q.y1) / Math.max(1, q.x2 - q.x1);
    const expected = y(q) + slope * (quadCentre(l.quad).x - quadCentre(q).x);
    return Math.abs(y(l.quad) - expected) < 0.6 * Math.max(h(l.quad), h(q));
  };

  if (resident) {
    // The name: the nearest line above the resident number, within a few lines' height, off the licence's
    // row, and starting where the number starts (a watermark or a photo's caption across the card does not).
    const above = candidates
      .filter((l) => y(l.quad) < y(resident) - 0.6 * h(resident) && y(resident) - y(l.quad) < 5 * h(resident))
      .filter((l) => !licence || !sameRow(l, licence))
      .filter((l) => startsUnder(l.quad, resident))
      .sort((a, b) => y(b.quad) - y(a.quad));
    take('name', above[0]);
  }
  if (licence) {
    // The classes stand on the number's row, before or after it, or on the row above.
    const row = candidates.filter((l) => sameRow(l, licence));
    const rowAbove = candidates
      .filter((l) => y(l.quad) < y(licence) && y(licence) - y(l.quad) < 2.5 * h(licence) && !sameRow(l, licence))
      .sort((a, b) => y(b.quad) - y(a.quad));
    // The two nearest the number at most: a class line or two, never a row of junk for the slower recogniser.
    const gap = (l: ReadLine) => Math.max(0, left(l.quad) - right(licence), left(licence) - right(l.quad));
    const nearest = [...row]
      .sort((a, b) => gap(a) - gap(b))
      .slice(0, MAX_ROW_LINES)
      .sort((a, b) => left(a.quad) - left(b.quad));
    nearest.forEach((l) => take('licenseType', l));
    if (!row.length) take('licenseType', rowAbove[0]);
  }
  // The issuer: the nearest lines under the issue date (or beside it, to its right); without a date, the lowest line.
  const under = issued
    ? candidates
        .filter(
          (l) =>
            y(l.quad) > y(issued) + 0.6 * h(issued) ||
            (sameRow(l, issued) && quadCentre(l.quad).x > quadCentre(issued).x),
        )
        .sort((a, b) => y(a.quad) - y(b.quad))
    : [...candidates].sort((a, b) => y(b.quad) - y(a.quad));
  under
    .filter((l) => !taken.has(l))
    .slice(0, 2)
    .forEach((l) => take('issuer', l));
  return plan.lines.length ? plan : null;
}

/** At most this many of a passport's lines are read in Hangul: its labels are short, and few are not Latin too. */
const MAX_PASSPORT_LINES = 8;

/**
 * A passport's lines above its machine-readable zone that are not plainly Latin, in the data page's text
 * column: the Korean name and its label among them. The column starts where most of its Latin fields do;
 * the photo, left of it, gives the detector lines of its own that would crowd the label out.
 */
function passportPlan(lines: readonly ReadLine[], anchors: readonly Anchor[]): HangulPlan | null {
  const mrz = anchors.find((a) => a.key === 'MRZ1')?.bbox;
  if (!mrz) return null;
  const zone = lines.filter((l) => quadCentre(l.quad).y < Math.min(mrz.y1, mrz.y2));
  const latin = zone.filter(plainlyLatin);
  const lefts = latin.map((l) => left(l.quad)).sort((a, b) => a - b);
  const heights = latin.map((l) => quadHeight(l.quad)).sort((a, b) => a - b);
  // A quarter of the Latin fields start left of this: a stray word read in the photo does not move it.
  const column = lefts.length
    ? lefts[Math.floor(lefts.length / 4)] - 2 * heights[Math.floor(heights.length / 2)]
    : -Infinity;
  const above = zone
    .filter((l) => !plainlyLatin(l) && left(l.quad) >= column)
    .filter((l) => !anchors.some((a) => inside(quadCentre(l.quad), a.bbox)))
    .slice(0, MAX_PASSPORT_LINES);
  return above.length ? { idType: 'passport', lines: above.map((l) => ({ role: 'passport', quad: l.quad })) } : null;
}

const round = (n: number) => Math.round(n * 100) / 100;
/** A field's confidence, no higher than DISPUTED_CONF when its line was read as two different texts: a set it snaps to cannot settle that. */
const inDoubt = (conf: number, line: HangulText) => (line.disputed ? Math.min(conf, DISPUTED_CONF) : conf);

/** The Hangul fields from the plan's lines as the recogniser read them: names shaped, sets snapped. */
export function koreanFields(plan: HangulPlan, texts: readonly HangulText[]): KoreanKeyValue[] {
  const read = plan.lines.map((line, i) => ({ ...line, ...(texts[i] ?? { text: '', conf: 0 }) }));
  if (plan.idType === 'passport') return passportKoreanName(read);
  const out: KoreanKeyValue[] = [];
  const name = read.find((l) => l.role === 'name' && l.text);
  if (name) {
    const { value, conf } = readKoreanName(name.text, name.conf);
    if (value) out.push({ key: 'name', value, conf: round(inDoubt(conf, name)), bbox: name.quad });
  }
  const types = read
    .filter((l) => l.role === 'licenseType' && l.text)
    .flatMap((l) =>
      withDigits(licenceClasses(l.text), l.digits).map((cls, i) => {
        const snapped = snapLicenceClass(cls, i, l.conf);
        return { ...snapped, conf: inDoubt(snapped.conf, l), quad: l.quad };
      }),
    );
  if (types.length) {
    out.push({
      key: 'licenseType',
      value: types.map((t) => t.value).join('/'),
      conf: round(Math.min(...types.map((t) => t.conf))),
      bbox: types[0].quad,
    });
  }
  const issuers = plan.idType === 'resident' ? RESIDENT_CARD_ISSUERS : LICENCE_ISSUERS;
  const issuer = read
    .filter((l) => l.role === 'issuer' && l.text)
    .map((l) => {
      const snapped = snapToSet(l.text, issuers, l.conf);
      return { ...snapped, conf: inDoubt(snapped.conf, l), quad: l.quad };
    })
    .sort((a, b) => Number(b.snapped) - Number(a.snapped) || b.conf - a.conf)[0];
  // An unsnapped read is kept only when it ends as an issuer's title does (…청장, …시장, …군수).
  if (issuer && (issuer.snapped || /(장|군수)$/.test(hangulOnly(issuer.value)))) {
    out.push({ key: 'issuer', value: issuer.value, conf: round(issuer.conf), bbox: issuer.quad });
  }
  return out;
}

/**
 * Classes whose digit the Hangul recogniser lost, given the digits the other recogniser saw on the line
 * when it saw one for each class: a guess still (that recogniser could not read the rest of the line).
 */
function withDigits(classes: LicenceClassRead[], digits = ''): LicenceClassRead[] {
  if (digits.length !== classes.length) return classes;
  return classes.map((cls, i) => (cls.digit ? cls : { ...cls, digit: digits[i] === '1' ? '1' : '2', guessed: true }));
}

const LABEL = '한글성명';

/**
 * A passport's Korean name: the line under its label (한글성명), or the rest of the label's own line when
 * the two were found as one and the label was read exactly (a label read a syllable off leaves no telling
 * where it ends: 한글성 홍길동 would give 길동). No label read, no name: the page's other Hangul is labels and a title.
 */
function passportKoreanName(read: (PlannedLine & HangulText)[]): KoreanKeyValue[] {
  const label = read.find((l) => hangulDistance(hangulOnly(l.text).slice(0, LABEL.length), LABEL) <= 1);
  if (!label) return [];
  const syllables = hangulOnly(label.text);
  const rest = syllables.startsWith(LABEL) ? syllables.slice(LABEL.length) : '';
  const h = Math.max(1, quadHeight(label.quad));
  const [from, to] = [left(label.quad), right(label.quad)];
  const under = read
    .filter((l) => l !== label && l.text)
    .filter((l) => {
      const dy = quadCentre(l.quad).y - quadCentre(label.quad).y;
      const overlaps = left(l.quad) < to && right(l.quad) > from;
      return dy > 0.5 * h && dy < 4 * h && overlaps;
    })
    .sort((a, b) => quadCentre(a.quad).y - quadCentre(b.quad).y)[0];
  const source = rest.length >= 2 ? { ...label, text: rest } : syllables.length > LABEL.length ? undefined : under;
  if (!source) return [];
  const { value, conf } = readKoreanName(source.text, source.conf);
  return value ? [{ key: 'koreanName', value, conf: round(inDoubt(conf, source)), bbox: source.quad }] : [];
}
