// Maps the reader's lines to NHN's credit-card result shape: the sandbox answers any card as the service would.
// Pure: no image, no engine. The types are structural copies of @/api's (src/reader does not import it).
import { luhnValid } from '@/lib/check-digits';
import { resolutionOf, type Size } from '@/lib/image-size';
import type { Quad } from '@/lib/quad';
import { confOfChars, digitText, quadOfChars, readingOrder, type CharAt } from './card-text';
import type { ReadLine } from './types';

export { parseIdCard, type IdCardParse, type ReaderIdCardResult } from './id-card-parser';

export interface ReaderRecognised {
  value: string;
  conf: number;
}

export interface ReaderCreditCardResult {
  fileType: string;
  resolution: string;
  cardNums: ReaderRecognised[];
  totalCardNum: string;
  cardNumBoxes: Quad[];
  validThru?: ReaderRecognised;
  validThruBox?: Quad;
}

export type CreditCardParse = { ok: true; result: ReaderCreditCardResult } | { ok: false; lookedFor: string };

export interface ParseOptions {
  /** The result's fileType: "jpg" or "png", from the image bytes. */
  fileType?: string;
}

interface Group {
  digits: string;
  chars: CharAt[];
}

// Printed layouts: Visa/Master/most others 4-4-4-4, Amex 4-6-5, Diners 4-6-4, 19 digits 4-4-4-4-3.
const LAYOUTS: Record<number, number[]> = {
  13: [4, 4, 5],
  14: [4, 6, 4],
  15: [4, 6, 5],
  16: [4, 4, 4, 4],
  17: [4, 4, 4, 5],
  18: [4, 4, 4, 6],
  19: [4, 4, 4, 4, 3],
};
const PRINTED = new Set(['4-4-4-4', '4-6-5', '4-6-4', '4-4-4-4-3']);
// Issuer prefixes: Visa, Mastercard (51–55, 2221–2720), Amex, Diners, JCB, Discover/UnionPay, Korean domestic.
const KNOWN_IIN = /^(4|5[1-5]|2[2-7]|3[47]|3[0689]|35|6|9)/;

/** Digit runs of every line, leaving out the parts of dates (09/29) and of numbers with a decimal point. */
function digitGroups(lines: ReadLine[]): Group[] {
  const groups: Group[] = [];
  lines.forEach((line, index) => {
    const text = digitText(line.text);
    for (const m of text.matchAll(/\d+/g)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = text.slice(0, start).trimEnd().slice(-1);
      const after = text.slice(end).trimStart()[0] ?? '';
      if (before === '/' || after === '/' || (after === '.' && /\d/.test(text[end + 1] ?? ''))) continue;
      const chars = [...m[0]].map((_, i) => ({ line: index, index: start + i }));
      groups.push({ digits: m[0], chars });
    }
  });
  return groups;
}

interface Candidate {
  groups: Group[];
  digits: string;
  score: number;
}

// Lengths issuers use: Amex is 15 and only Amex; Diners 14; 13 is an old Visa. A 16-digit read that
// lost a digit would otherwise pass for a 15-digit card one time in ten.
const lengthFitsIssuer = (n: string) =>
  n.length === 15
    ? /^3[47]/.test(n)
    : n.length === 14
      ? /^3[068]/.test(n)
      : n.length === 13
        ? /^4/.test(n)
        : !/^3[47]/.test(n);

/**
 * A 4-4-4-4 number read with one digit too many: recognition repeats a character where a crop ends, so
 * the group whose length is one over a multiple of four loses its first or its last digit. Only when
 * exactly one of the two passes the Luhn check with a known issuer prefix.
 */
function withoutExtraDigit(window: Group[]): Group[] | null {
  const odd = window.filter((g) => g.digits.length % 4 === 1);
  if (odd.length !== 1 || window.some((g) => g.digits.length % 4 > 1)) return null;
  const k = window.indexOf(odd[0]);
  const repairs = [0, odd[0].digits.length - 1]
    .map((drop) =>
      window.map((g, i) =>
        i !== k
          ? g
          : { digits: g.digits.slice(0, drop) + g.digits.slice(drop + 1), chars: g.chars.filter((_, c) => c !== drop) },
      ),
    )
    .filter((gs) => {
      const digits = gs.map((g) => g.digits).join('');
      return luhnValid(digits) && KNOWN_IIN.test(digits);
    });
  return repairs.length === 1 ? repairs[0] : null;
}

/** Every run of consecutive groups (over at most five neighbouring lines: one a group) that could be a card number. */
function candidates(groups: Group[], lines: ReadLine[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < groups.length; i++) {
    let digits = '';
    for (let j = i; j < groups.length; j++) {
      digits += groups[j].digits;
      const firstLine = groups[i].chars[0].line;
      const lastLine = groups[j].chars[0].line;
      if (digits.length > 19 || lastLine - firstLine > 4) break;
      let window = groups.slice(i, j + 1);
      let penalty = 0;
      if (!luhnValid(digits)) {
        const repaired = digits.length === 17 ? withoutExtraDigit(window) : null;
        if (!repaired) continue;
        [window, penalty] = [repaired, 3];
      }
      const number = window.map((g) => g.digits).join('');
      if (number.length < 13 || !lengthFitsIssuer(number)) continue;
      const layout = window.map((g) => g.digits.length).join('-');
      const conf = Math.min(...window.map((g) => lines[g.chars[0].line].conf));
      const score =
        (PRINTED.has(layout) ? 4 : window.length === 1 ? 3 : 0) +
        (number.length === 16 || number.length === 15 ? 2 : number.length === 14 ? 1 : 0) +
        (KNOWN_IIN.test(number) ? 1 : 0) +
        (firstLine === lastLine ? 0.5 : 0) +
        conf * 0.1 -
        penalty;
      out.push({ groups: window, digits: number, score });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

/** The number's groups as printed: as read when the layout is a printed one, else the usual layout for its length. */
function splitNumber(candidate: Candidate): { digits: string; chars: CharAt[] }[] {
  const layout = candidate.groups.map((g) => g.digits.length);
  if (PRINTED.has(layout.join('-'))) return candidate.groups;
  const chars = candidate.groups.flatMap((g) => g.chars);
  const sizes = LAYOUTS[candidate.digits.length];
  let at = 0;
  return sizes.map((size) => {
    const part = { digits: candidate.digits.slice(at, at + size), chars: chars.slice(at, at + size) };
    at += size;
    return part;
  });
}

interface Expiry {
  value: string;
  chars: CharAt[];
  rank: number;
  order: number;
}

/** Expiry dates MM/YY or MM/YYYY; one after THRU, EXP, GOOD or END ranks first, one after FROM or SINCE after the rest. */
function expiries(lines: ReadLine[], used: Set<string>): Expiry[] {
  const out: Expiry[] = [];
  lines.forEach((line, index) => {
    const text = digitText(line.text);
    const previous = index > 0 ? lines[index - 1].text : '';
    for (const m of text.matchAll(/(?<!\d)(0[1-9]|1[0-2]) ?\/ ?(\d{4}|\d{2})(?!\d)/g)) {
      const year = m[2].length === 4 ? m[2] : '20' + m[2];
      if (m[2].length === 4 && !/^(19|20)/.test(m[2])) continue;
      const label = (text.slice(0, m.index) || previous).toUpperCase();
      const rank = /(THRU|THROUGH|EXP|GOOD|END|UNTIL|UNTL)\W*$/.test(label)
        ? 2
        : /(FR[O0]M|SINCE|MEMBER)\W*$/.test(label)
          ? 0
          : 1;
      const chars = [...m[0]].map((_, i) => ({ line: index, index: m.index + i }));
      out.push({ value: `${m[1]}/${m[2].slice(-2)}`, chars, rank, order: Number(year) * 100 + Number(m[1]) });
    }
    // Last resort, a slash read as 1 or 7: a word of five digits MM1YY or MM7YY that is not part of the number.
    for (const m of text.matchAll(/(?<![\w/])(0[1-9]|1[0-2])[17]([1-4]\d)(?![\w/])/g)) {
      const chars = [...m[0]].map((_, i) => ({ line: index, index: m.index + i }));
      if (chars.some((c) => used.has(`${c.line}:${c.index}`))) continue;
      out.push({ value: `${m[1]}/${m[2]}`, chars, rank: -1, order: Number(m[2]) * 100 + Number(m[1]) });
    }
  });
  return out.sort((a, b) => b.rank - a.rank || b.order - a.order);
}

const LOOKED_FOR_NUMBER =
  'a card number of 15–16 digits (as 4-4-4-4, 4-6-5 or one run) that passes the Luhn check, and an expiry date MM/YY';

/** Card number and expiry from the reader's lines, in the shape of NHN's credit-card result. */
export function parseCreditCard(read: ReadLine[], size: Size, options: ParseOptions = {}): CreditCardParse {
  const lines = readingOrder(read);
  const best = candidates(digitGroups(lines), lines)[0];
  if (!best) {
    const sawDigits = lines.some((l) => /\d{4}/.test(digitText(l.text)));
    return {
      ok: false,
      lookedFor: sawDigits
        ? `Looked for ${LOOKED_FOR_NUMBER}. Groups of digits were found, but none made a number that passes the Luhn check.`
        : `Looked for ${LOOKED_FOR_NUMBER}. No group of four or more digits was found.`,
    };
  }
  const parts = splitNumber(best);
  const result: ReaderCreditCardResult = {
    fileType: options.fileType ?? 'jpg',
    resolution: resolutionOf(size),
    cardNums: parts.map((p) => ({ value: p.digits, conf: confOfChars(lines, p.chars) })),
    totalCardNum: best.digits,
    cardNumBoxes: parts.map((p) => quadOfChars(lines, p.chars)),
  };
  const used = new Set(parts.flatMap((p) => p.chars.map((c) => `${c.line}:${c.index}`)));
  const expiry = expiries(lines, used)[0];
  if (expiry) {
    result.validThru = { value: expiry.value, conf: confOfChars(lines, expiry.chars) };
    result.validThruBox = quadOfChars(lines, expiry.chars);
  }
  return { ok: true, result };
}
