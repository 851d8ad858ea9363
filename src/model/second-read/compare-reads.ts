import { normaliseDate } from '@/api';
import { hasBox, type BoxedField, type ViewerField } from '@/model/fields/result-fields';
import {
  digitText,
  INFERRED_CLASS_CONF,
  isKoreanKey,
  koreanFieldRead,
  NAME_CHECK_CONF,
  type KoreanKey,
} from '@/reader';
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
export function differingPositions(a: string | readonly string[], b: string | readonly string[]): number[] {
  if (a === b || (a.length === b.length && [...a].every((c, k) => c === b[k]))) return [];
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

/**
 * A Korean text's syllables (letters and digits of any script) after NFC, with where each begins in the
 * text as written, counted in characters: the same syllable typed as letters (jamo) or spaced otherwise is
 * the same. A name keeps its Hangul only: Hanja in brackets after it is not what the device reads.
 */
function syllables(text: string, hangulOnly: boolean): { chars: string[]; at: number[] } {
  const written = [...text];
  const composed = [...text.normalize('NFC')];
  const chars: string[] = [];
  const at: number[] = [];
  let from = 0;
  composed.forEach((c, k) => {
    // Text already composed (as nearly all is) is where it was; otherwise the first written character whose
    // prefix composes to more than k characters begins this one.
    if (composed.length === written.length) from = k;
    else
      while (
        from < written.length - 1 &&
        [
          ...written
            .slice(0, from + 1)
            .join('')
            .normalize('NFC'),
        ].length <= k
      )
        from++;
    const keep = hangulOnly ? c >= '\uac00' && c <= '\ud7a3' : /[\p{L}\p{N}]/u.test(c);
    if (!keep) return;
    chars.push(c);
    at.push(from);
  });
  return { chars, at };
}

/** Compares two Korean texts syllable by syllable; the positions returned index into `nhn`'s characters. */
export function compareHangul(nhn: string, device: string, hangulOnly = false): number[] {
  // Field values are short; anything this long is not a reading worth comparing syllable by syllable.
  if (nhn.length > 4 * MAX_COMPARED || device.length > 4 * MAX_COMPARED)
    return nhn.normalize('NFC') === device.normalize('NFC') ? [] : [0];
  const a = syllables(nhn, hangulOnly);
  const b = syllables(device, hangulOnly);
  // NHN wrote no syllable where the device read some (a Latin name, punctuation, nothing): they differ.
  if (a.chars.length === 0) return b.chars.length === 0 ? [] : [0];
  if (a.chars.length > MAX_COMPARED || b.chars.length > MAX_COMPARED)
    return a.chars.join('') === b.chars.join('') ? [] : [a.at[0]];
  return differingPositions(a.chars, b.chars).map((k) => a.at[k] ?? [...nhn].length - 1);
}

/** A recognised text below this confidence is not taken as a reading: the box may hold no text at all. */
export const MIN_READ_CONF = 0.5;

/**
 * The device's reading of a Hangul field, shaped as the card reader shapes it, or null when it is too
 * unsure to check against: a name below the confidence at which it would be marked "check this name", an
 * issuer or licence class that is no entry of its set, any field the device read as two different texts.
 */
function koreanReading(key: KoreanKey, { text, conf, disputed }: { text: string; conf: number; disputed?: boolean }) {
  if (disputed) return null;
  const read = koreanFieldRead(key, text, conf);
  if (read.value === '') return null;
  // A licence class whose digit the device inferred or guessed is no reading to hold NHN's against.
  if (key === 'licenseType') return read.conf > INFERRED_CLASS_CONF ? read : null;
  return read.conf >= (key === 'name' ? NAME_CHECK_CONF : MIN_READ_CONF) ? read : null;
}

/**
 * NHN's Hangul field against the device's shaped reading (an issuer or licence class snapped to its set):
 * NHN's syllables that the device's do not have are named. NHN's own answer is never snapped: one syllable
 * off an issuer's name is a wrong answer the reviewer must see, even when it is nearest the right entry.
 */
const compareKorean = (key: KoreanKey, nhn: string, device: { value: string }): number[] =>
  compareHangul(nhn, device.value, key === 'name');

/** The fields a second read checks: NHN's digit fields and Hangul fields (name, issuer, licence type) that have a box to read in. */
export function checkedFields(fields: readonly ViewerField[]): BoxedField[] {
  const korean = new Set<string>();
  // The first of each Hangul field only: each is a line image for the slower recogniser, and a card has one name.
  const firstOfItsKey = (f: BoxedField) => !isKoreanKey(f.key) || (!korean.has(f.key) && korean.add(f.key) !== null);
  return fields
    .filter(hasBox)
    .filter(
      (f) => f.key === 'cardNum' || f.key === 'validThru' || CHECKED_ID_KEYS.includes(f.key) || isKoreanKey(f.key),
    )
    .filter(firstOfItsKey)
    .slice(0, MAX_CHECKED_FIELDS);
}

/** Which of `fields` the device reads in Hangul, in order: what to ask the reader for. */
export const hangulBoxes = (fields: readonly BoxedField[]): boolean[] => fields.map((f) => isKoreanKey(f.key));

/**
 * NHN's fields set against what the device recognised inside each one's box (`texts`, in the order of
 * `fields`). Confusable letters in a run of digits are read as digits ("4O11" is 4011), as a person
 * would; a Hangul field's text is shaped and snapped as the card reader's own. A text the device could not
 * make out, or not surely enough, leaves its field unread rather than disagreeing.
 */
export function compareBoxReads(
  fields: readonly BoxedField[],
  texts: readonly ({ text: string; conf: number; disputed?: boolean } | undefined)[],
): FieldComparison[] {
  return fields.map((field, i) => {
    const read = texts[i];
    if (isKoreanKey(field.key)) {
      const korean = read ? koreanReading(field.key, read) : null;
      const differing = korean === null ? [] : compareKorean(field.key, field.value, korean);
      return { fieldId: field.id, key: field.key, nhn: field.value, device: korean?.value ?? null, differing };
    }
    const made = read && read.conf >= MIN_READ_CONF && significant(read.text).chars !== '' ? read.text.trim() : null;
    // Letters that look like digits are read as digits in digit fields, never in a passport number.
    const device = made !== null && field.key !== 'passportNo' ? digitText(made) : made;
    const differing = device === null ? [] : compareField(field.key, field.value, device);
    return { fieldId: field.id, key: field.key, nhn: field.value, device, differing };
  });
}
