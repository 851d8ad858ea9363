// Maps the reader's lines to NHN's ID-card result shape: the digit fields. The Hangul ones (name, issuer,
// licence classes) are added after, from the lines this parser leaves (./korean).
import { isCalendarDate } from '@/lib/calendar';
import { residentBirthDate, residentNumberCheckDigit } from '@/lib/check-digits';
import { resolutionOf, type Size } from '@/lib/image-size';
import type { Quad } from '@/lib/quad';
import { confOfChars, joinLines, quadOfChars, readingOrder } from './card-text';
import type { ReadLine } from './types';
import { licenceCondition } from './licence-condition';
import { parseMrz } from './mrz';

export interface ReaderKeyValue {
  key: string;
  value: string;
  conf: number;
  bbox: Quad;
}

export interface ReaderIdCardResult {
  fileType: string;
  resolution: string;
  idType: 'resident' | 'driver' | 'passport';
  keyValues: ReaderKeyValue[];
}

export type IdCardParse = { ok: true; result: ReaderIdCardResult } | { ok: false; lookedFor: string };

export interface IdParseOptions {
  fileType?: string;
  /** For the century of an MRZ birth date. */
  today?: Date;
}

// Numbers assigned from October 2020 carry a random last digit instead of a check digit.
const CHECK_DIGIT_RETIRED = '20201001';

/** The checks the rules panel makes: a gender/century digit, a real birth date, the check digit before 2020-10. */
export function residentNumberValid(digits: string): boolean {
  if (!/^\d{13}$/.test(digits)) return false;
  const birth = residentBirthDate(digits);
  if (!birth || !isCalendarDate(birth)) return false;
  return birth >= CHECK_DIGIT_RETIRED || residentNumberCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
}

interface Match {
  value: string;
  conf: number;
  bbox: Quad;
  line: number;
}

/**
 * Every match of the pattern in each line, then in each pair of neighbouring lines joined (a field the
 * detector split in two); `accept` turns a match into a value or refuses it.
 */
function find(
  lines: ReadLine[],
  pattern: RegExp,
  accept: (m: RegExpExecArray, text: string) => string | null,
): Match[] {
  const out: Match[] = [];
  for (const span of [1, 2]) {
    for (let from = 0; from + span <= lines.length; from++) {
      const { text, at } = joinLines(lines, from, span);
      for (const m of text.matchAll(new RegExp(pattern.source, 'g'))) {
        const value = accept(m, text);
        if (value === null) continue;
        const chars = at.slice(m.index, m.index + m[0].length).filter((_, i) => m[0][i] !== ' ');
        // A match within one line was already found with span 1.
        if (span === 2 && chars.every((c) => c.line === chars[0].line)) continue;
        out.push({ value, conf: confOfChars(lines, chars), bbox: quadOfChars(lines, chars), line: chars[0].line });
      }
    }
    if (out.length) break;
  }
  return out;
}

const residentNumbers = (lines: ReadLine[]) =>
  find(lines, /(?<!\d)(\d{6}) ?[-–—~.]? ?(\d{7})(?!\d)/, (m) =>
    residentNumberValid(m[1] + m[2]) ? `${m[1]}-${m[2]}` : null,
  );

const licenceNumbers = (lines: ReadLine[]) =>
  find(lines, /(?<!\d)(\d{2}) ?-? ?(\d{2}) ?-? ?(\d{6}) ?-? ?(\d{2})(?!\d)/, (m) => {
    const region = Number(m[1]);
    // Without hyphens, twelve digits are a licence number only with a region code (11–28).
    if (!m[0].includes('-') && (region < 11 || region > 28)) return null;
    return `${m[1]}-${m[2]}-${m[3]}-${m[4]}`;
  });

const dates = (lines: ReadLine[]) =>
  find(lines, /(?<![\d.])((?:19|20)\d{2}) ?\. ?(\d{1,2}) ?\. ?(\d{1,2})(?!\d) ?\.?/, (m, text) => {
    const [year, month, day] = [m[1], Number(m[2]), Number(m[3])];
    if (!isCalendarDate(`${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`)) return null;
    // A period (the licence's renewal window 2029.01.01~2029.12.31) is no issue date.
    const around = text.slice(Math.max(0, m.index - 3), m.index) + text.slice(m.index + m[0].length).slice(0, 3);
    return /[~∼-]/.test(around) ? null : `${year}.${month}.${day}.`;
  });

const LOOKED_FOR =
  'Looked for a resident registration number (13 digits as 6-7, with a valid birth date and check digit), ' +
  "a driver's licence number (12 digits as 2-2-6-2, e.g. 11-19-123456-10) " +
  "or a passport's machine-readable zone (two lines of 44 characters whose check digits hold).";

/** The digit fields of a Korean resident card, driver's licence or passport (MRZ). */
export function parseIdCard(read: ReadLine[], size: Size, options: IdParseOptions = {}): IdCardParse {
  const lines = readingOrder(read);
  const base = { fileType: options.fileType ?? 'jpg', resolution: resolutionOf(size) };
  const mrz = parseMrz(lines, options.today ?? new Date());
  if (mrz) return { ok: true, result: { ...base, idType: 'passport', keyValues: mrz } };

  const resident = residentNumbers(lines)[0];
  const licence = licenceNumbers(lines)[0];
  if (!resident && !licence) {
    const sawNumber = lines.some((l) => /\d{6} ?-? ?\d{7}/.test(l.text));
    return {
      ok: false,
      lookedFor: sawNumber
        ? `${LOOKED_FOR} A 13-digit number was found, but its birth date or check digit does not hold.`
        : LOOKED_FOR,
    };
  }
  // The issue date is the last date on the card that is not part of a period.
  const issue = dates(lines).at(-1);
  const keyValues: ReaderKeyValue[] = [];
  const push = (key: string, m: Match | undefined) =>
    m && keyValues.push({ key, value: m.value, conf: m.conf, bbox: m.bbox });
  push('driverLicenseNumber', licence);
  push('residentNumber', resident);
  const condition = licence && resident && issue && licenceCondition(lines, resident.bbox, issue.bbox);
  if (condition) keyValues.push({ key: 'condition', ...condition });
  push('issueDate', issue);
  return { ok: true, result: { ...base, idType: licence ? 'driver' : 'resident', keyValues } };
}
