import { normaliseDate, type CreditCardResult, type IdCardResult } from '@/api';
import type { CardResult, ViewerField } from '@/features/fields';
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

function creditCard(fields: ViewerField[], device: CreditCardResult): FieldComparison[] {
  const groups = fields.filter((f) => f.key === 'cardNum');
  const out: FieldComparison[] = [];
  if (groups.length && device.totalCardNum) {
    // The groups are compared as one number: the readers may split it differently (4-4-4-4 or 4-6-5).
    const whole = significant(groups.map((g) => g.value).join(''));
    const wrong = new Set(differingPositions(whole.chars, significant(device.totalCardNum).chars));
    let start = 0;
    for (const group of groups) {
      const length = significant(group.value).chars.length;
      const mine = significant(group.value).at;
      const differing = [...wrong].filter((k) => k >= start && k < start + length).map((k) => mine[k - start]);
      out.push({ fieldId: group.id, key: group.key, nhn: group.value, device: device.totalCardNum, differing });
      start += length;
    }
  }
  const expiry = fields.find((f) => f.key === 'validThru');
  if (expiry && device.validThru) {
    const differing = compareText(expiry.value, device.validThru.value);
    out.push({ fieldId: expiry.id, key: 'validThru', nhn: expiry.value, device: device.validThru.value, differing });
  }
  return out;
}

function idCard(fields: ViewerField[], device: IdCardResult): FieldComparison[] {
  const out: FieldComparison[] = [];
  for (const field of fields) {
    if (!CHECKED_ID_KEYS.includes(field.key)) continue;
    const read = device.keyValues.find((kv) => kv.key === field.key)?.value;
    if (read === undefined) continue;
    out.push({
      fieldId: field.id,
      key: field.key,
      nhn: field.value,
      device: read,
      differing: compareField(field.key, field.value, read),
    });
  }
  return out;
}

/**
 * NHN's digit fields set against the device's reading of the same image. Fields the device did not read
 * are left out: only a reading can disagree.
 */
export function compareReads(
  nhn: CardResult,
  fields: ViewerField[],
  device: CreditCardResult | IdCardResult,
): FieldComparison[] {
  return nhn.kind === 'credit-card'
    ? creditCard(fields, device as CreditCardResult)
    : idCard(fields, device as IdCardResult);
}
