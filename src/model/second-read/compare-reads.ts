import { normaliseDate } from '@/api';
import { hasBox, type BoxedField, type ViewerField } from '@/model/fields/result-fields';
import { digitText } from '@/reader';
import type { FieldComparison } from './second-read-types';

/** The ID fields made of digits (and a passport number's letters) that both readers produce. */
export const CHECKED_ID_KEYS: readonly string[] = [
  'residentNumber',
  'driverLicenseNumber',
  'issueDate',
  'passportNo',
  'dateOfBirthYMD',
  'dateOfExpiryYMD',
];

/** The longest value compared character by character. */
const MAX_COMPARED = 64;
/** The most boxes a card sends to the reader: a card has a dozen digit fields; a crafted answer may claim thousands. */
export const MAX_CHECKED_FIELDS = 32;

/** The characters that carry a value, with where each sits in the text: separators and spaces are layout. */
function significant(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  [...text.toUpperCase()].forEach((c, i) => {
    if (/[0-9A-Z]/.test(c)) {
      chars += c;
      at.push(i);
    }
  });
  return { chars, at };
}

/**
 * Positions in `a` that the longest common subsequence with `b` leaves out: the characters one reader
 * saw and the other did not. When `b` only adds characters, the position after the last shared one is
 * named, so that an insertion still points somewhere.
 */
export function differingPositions(a: string, b: string): number[] {
  if (a === b) return [];
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const out: number[] = [];
  let insertedAt = -1;
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push(i++);
    } else {
      if (insertedAt < 0) insertedAt = i;
      j++;
    }
  }
  while (i < n) out.push(i++);
  if (j < m && insertedAt < 0) insertedAt = n;
  if (out.length === 0 && insertedAt >= 0) out.push(Math.min(insertedAt, Math.max(0, n - 1)));
  return out;
}

/** Compares two texts by their significant characters; the positions returned index into `nhn`. */
export function compareText(nhn: string, device: string): number[] {
  const a = significant(nhn);
  const b = significant(device);
  if (a.chars === '') return []; // nothing of NHN's to mark
  // Field values are short; anything this long is not a reading worth an n×m comparison.
  if (a.chars.length > MAX_COMPARED || b.chars.length > MAX_COMPARED) return a.chars === b.chars ? [] : [a.at[0]];
  return differingPositions(a.chars, b.chars).map((k) => a.at[k] ?? nhn.length - 1);
}

const DATE_KEYS = new Set(['issueDate', 'dateOfBirthYMD', 'dateOfExpiryYMD']);

/** Differing characters of one field; dates that name the same day agree whatever their format. */
function compareField(key: string, nhn: string, device: string): number[] {
  if (DATE_KEYS.has(key)) {
    const day = normaliseDate(nhn);
    if (day !== null && day === normaliseDate(device)) return [];
  }
  return compareText(nhn, device);
}

/** A recognised text below this confidence is not taken as a reading: the box may hold no text at all. */
export const MIN_READ_CONF = 0.5;

/** The fields a second read checks: NHN's digit fields that have a box to read in. */
export function checkedFields(fields: readonly ViewerField[]): BoxedField[] {
  return fields
    .filter(hasBox)
    .filter((f) => f.key === 'cardNum' || f.key === 'validThru' || CHECKED_ID_KEYS.includes(f.key));
}

/**
 * NHN's fields set against what the device recognised inside each one's box (`texts`, in the order of
 * `fields`). Confusable letters in a run of digits are read as digits ("4O11" is 4011), as a person
 * would. A text the device could not make out leaves its field unread rather than disagreeing.
 */
export function compareBoxReads(
  fields: readonly BoxedField[],
  texts: readonly ({ text: string; conf: number } | undefined)[],
): FieldComparison[] {
  return fields.map((field, i) => {
    const read = texts[i];
    const made = read && read.conf >= MIN_READ_CONF && significant(read.text).chars !== '' ? read.text.trim() : null;
    // Letters that look like digits are read as digits in digit fields, never in a passport number.
    const device = made !== null && field.key !== 'passportNo' ? digitText(made) : made;
    const differing = device === null ? [] : compareField(field.key, field.value, device);
    return { fieldId: field.id, key: field.key, nhn: field.value, device, differing };
  });
}
