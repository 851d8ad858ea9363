// Which of a card's detected lines hold its Hangul fields, and what they say once the Hangul recogniser
// has read them. The detector finds every line; the Chinese/English recogniser reads Hangul as junk or
// with a low confidence, and the card's layout says which line is which: the name just above the
// resident number, a licence's classes on its number's row or the row above, the issuer under the issue date.
import { quadCentre, quadHeight, type Quad } from '@/lib/quad';
import type { ReadLine } from '../types';
import { readKoreanName } from './korean-name';
import { LICENCE_ISSUERS, LICENCE_TYPES, RESIDENT_CARD_ISSUERS } from './korean-sets';
import { snapToSet } from './snap';
import { hangulOnly, syllableCost } from './hangul';
import type { HangulText } from './types';

export interface KoreanKeyValue {
  key: 'name' | 'issuer' | 'licenseType';
  value: string;
  conf: number;
  bbox: Quad;
}

/** The digit fields already found, with their boxes (the parser's keyValues). */
interface Anchor {
  key: string;
  bbox: Quad;
}

type Role = 'name' | 'issuer' | 'licenseType';

export interface HangulPlan {
  idType: 'resident' | 'driver';
  /** Lines to read with the Hangul recogniser, each with the role its place gives it. */
  lines: { role: Role; quad: Quad }[];
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

const inside = (p: { x: number; y: number }, q: Quad) =>
  p.x >= Math.min(q.x1, q.x4) &&
  p.x <= Math.max(q.x2, q.x3) &&
  p.y >= Math.min(q.y1, q.y2) &&
  p.y <= Math.max(q.y3, q.y4);

/** The lines of a resident card or licence worth reading in Hangul, by their place against the digit fields. */
export function planHangulLines(
  lines: readonly ReadLine[],
  anchors: readonly Anchor[],
  idType: string,
): HangulPlan | null {
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
    plan.lines.push({ role, quad: line.quad });
  };
  // On the row of q: where q's top edge, carried along its own slope, would be (a tilted card's rows slope too).
  const sameRow = (l: ReadLine, q: Quad) => {
    const slope = (q.y2 - q.y1) / Math.max(1, q.x2 - q.x1);
    const expected = y(q) + slope * (quadCentre(l.quad).x - quadCentre(q).x);
    return Math.abs(y(l.quad) - expected) < 0.6 * Math.max(h(l.quad), h(q));
  };

  if (resident) {
    // The name: the nearest line above the resident number, within a few lines' height, off the licence's row.
    const above = candidates
      .filter((l) => y(l.quad) < y(resident) - 0.6 * h(resident) && y(resident) - y(l.quad) < 5 * h(resident))
      .filter((l) => !licence || !sameRow(l, licence))
      .sort((a, b) => y(b.quad) - y(a.quad));
    take('name', above[0]);
  }
  if (licence) {
    const row = candidates.filter((l) => sameRow(l, licence) && quadCentre(l.quad).x > quadCentre(licence).x);
    const rowAbove = candidates
      .filter((l) => y(l.quad) < y(licence) && y(licence) - y(l.quad) < 2.5 * h(licence) && !sameRow(l, licence))
      .sort((a, b) => y(b.quad) - y(a.quad));
    row.forEach((l) => take('licenseType', l));
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

/** The Hangul fields from the plan's lines as the recogniser read them: names shaped, sets snapped. */
export function koreanFields(plan: HangulPlan, texts: readonly HangulText[]): KoreanKeyValue[] {
  const out: KoreanKeyValue[] = [];
  const round = (n: number) => Math.round(n * 100) / 100;
  const read = plan.lines.map((line, i) => ({ ...line, ...(texts[i] ?? { text: '', conf: 0 }) }));
  const name = read.find((l) => l.role === 'name' && l.text);
  if (name) {
    const { value, conf } = readKoreanName(name.text, name.conf);
    if (value) out.push({ key: 'name', value, conf: round(conf), bbox: name.quad });
  }
  const types = read
    .filter((l) => l.role === 'licenseType' && l.text)
    .flatMap((l) => licenceClasses(l.text).map((cls, i) => ({ ...snapLicenceClass(cls, i, l.conf), quad: l.quad })));
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
    .map((l) => ({ ...snapToSet(l.text, issuers, l.conf), quad: l.quad }))
    .sort((a, b) => Number(b.snapped) - Number(a.snapped) || b.conf - a.conf)[0];
  // An unsnapped read is kept only when it ends as an issuer's title does (…청장, …시장, …군수).
  if (issuer && (issuer.snapped || /(장|군수)$/.test(hangulOnly(issuer.value)))) {
    out.push({ key: 'issuer', value: issuer.value, conf: round(issuer.conf), bbox: issuer.quad });
  }
  return out;
}

// What OCR makes of the class digit before 종: 1 as I, l, | or ㅣ, 2 as Z or 으.
const ONE = new Set(['1', 'I', 'l', '|', 'ㅣ', 'i', '!', '[', '{', ']']);
const TWO = new Set(['2', 'Z', 'z', '으', '그', 'ㄹ']);
const isDigitMark = (c: string) => ONE.has(c) || TWO.has(c);

export interface LicenceClassRead {
  digit: '1' | '2' | null;
  kind: string;
  /** The digit was taken from a word that was not read as a class ("26" for 2종): a guess, however likely. */
  guessed?: boolean;
}

/** A line of licence classes split at each 종 ("1종 보통 2종 소형" → two), the digit before it read if it can be. */
export function licenceClasses(text: string): LicenceClassRead[] {
  // 종 misread a letter away (송, 중) counts where a class digit stands before it.
  const marked = [...text]
    .map((c, i, all) => (c !== '종' && syllableCost(c, '종') <= 1 / 3 && isDigitMark(all[i - 1] ?? '') ? '종' : c))
    .join('');
  const parts = marked.split('종');
  if (parts.length < 2) return withoutClassMark(text);
  return parts.slice(1).map((after, i) => {
    const before = parts[i].trimEnd();
    const mark = before.at(-1) ?? '';
    // The next class's digit ends this part.
    const kind = (i + 2 < parts.length ? after.trimEnd().slice(0, -1) : after).trim();
    return { digit: ONE.has(mark) ? '1' : TWO.has(mark) ? '2' : null, kind };
  });
}

/**
 * A line whose 종 was read as something else entirely ("26 보통", "총 특수(레커)", "2 소형"): its first word
 * stands for the class, a digit if it starts with one, and the rest is the kind.
 */
function withoutClassMark(text: string): LicenceClassRead[] {
  const [head, ...rest] = text.trim().split(/\s+/);
  if (!head || rest.length === 0) return [];
  const mark = head[0];
  const digit = ONE.has(mark) ? '1' : TWO.has(mark) ? '2' : null;
  return [{ digit, kind: rest.join(' '), ...(digit && { guessed: true }) }];
}

/** A class whose digit was inferred or guessed, not read, is answered at most this sure: someone should look. */
export const INFERRED_CLASS_CONF = 0.7;

const KINDS = [...new Set(LICENCE_TYPES.map((t) => t.slice(3)))];

/**
 * A class snapped to the set. An unreadable digit is the one class that has the kind, or, for a kind
 * both classes have (보통, 소형), 1 for a card's first class and 2 for a later one, as cards list them.
 */
export function snapLicenceClass({ digit, kind, guessed }: LicenceClassRead, index: number, conf: number) {
  if (digit) {
    const snapped = snapToSet(`${digit}종 ${kind}`, LICENCE_TYPES, conf);
    return guessed ? { ...snapped, conf: Math.min(snapped.conf, INFERRED_CLASS_CONF) } : snapped;
  }
  const snapped = snapToSet(kind, KINDS, conf);
  if (!snapped.snapped) return { ...snapped, value: `?종 ${kind}` };
  const classes = LICENCE_TYPES.filter((t) => t.slice(3) === snapped.value);
  const value = classes.length === 1 ? classes[0] : `${index === 0 ? 1 : 2}종 ${snapped.value}`;
  // The digit was inferred, not read: below what a read one gets.
  return { ...snapped, value, conf: Math.min(snapped.conf, INFERRED_CLASS_CONF) };
}
