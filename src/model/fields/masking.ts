// Sensitive values are masked by default everywhere on screen and in exports: one decision, made here.
export type Sensitivity =
  | 'card-number'
  | 'resident-number'
  | 'licence-number'
  | 'licence-serial'
  | 'passport-number'
  | 'mrz'
  | 'personal-number';

export const SENSITIVE_KEYS: Record<string, Sensitivity> = {
  cardNum: 'card-number',
  totalCardNum: 'card-number',
  residentNumber: 'resident-number',
  driverLicenseNumber: 'licence-number',
  serialNum: 'licence-serial',
  passportNo: 'passport-number',
  personalNo: 'personal-number',
  MRZ1: 'mrz',
  MRZ2: 'mrz',
};

/** What stands in for every character that may not show. */
export const MASK = '•';

/** Values that are no secret: their text shows, and so does their place on the card. */
export const OPEN_KEYS: ReadonlySet<string> = new Set([
  'validThru',
  'issueDate',
  'dateOfIssue',
  'dateOfIssueYMD',
  'dateOfExpiry',
  'dateOfExpiryYMD',
]);

/** Hides the characters at `hidden` positions that are letters or digits; separators stay. */
function maskPositions(
  value: string,
  hidden: (index: number, alnumIndex: number, alnumCount: number) => boolean,
): string {
  const alnumCount = (value.match(/[\p{L}\p{N}]/gu) ?? []).length;
  let alnumIndex = -1;
  return Array.from(value)
    .map((c, i) => {
      if (!/[\p{L}\p{N}]/u.test(c)) return c;
      alnumIndex++;
      return hidden(i, alnumIndex, alnumCount) ? MASK : c;
    })
    .join('');
}

/** Every letter and digit hidden: what an audience sees of a value that may not show. */
export const maskAll = (value: string): string => maskPositions(value, () => true);

/** Spaces and dashes only group a card number: they show as they are and take no place in it. */
const SEPARATOR = /[\s\p{Pd}]/u;
/** A digit of any script: ASCII, full-width, Arabic-Indic, … */
export const DIGIT = /\p{Nd}/u;

/**
 * The one rule for what a card number shows (PCI DSS: first 6 and last 4). Every character but a
 * separator takes a place, a letter or a symbol too, so a misread character cannot shift which
 * digits show; a character shows only where it is a digit in one of the first 6 or last 4 places.
 * `4111 1111 1234 OOOO` shows `4111 11•• •••• ••••`.
 */
export function maskCardNumber(value: string): string {
  const chars = Array.from(value);
  const places = chars.filter((c) => !SEPARATOR.test(c)).length;
  let place = -1;
  return chars
    .map((c) => {
      if (SEPARATOR.test(c)) return c;
      place++;
      return (place < 6 || place >= places - 4) && DIGIT.test(c) ? c : MASK;
    })
    .join('');
}

/** A card number's groups, each masked as its characters are in the whole number. */
export function maskCardGroups(groups: readonly string[]): string[] {
  const masked = Array.from(maskCardNumber(groups.join(' ')));
  let at = 0;
  return groups.map((group) => {
    const length = Array.from(group).length;
    const part = masked.slice(at, at + length).join('');
    at += length + 1;
    return part;
  });
}

export function mask(value: string, sensitivity: Sensitivity): string {
  switch (sensitivity) {
    case 'card-number':
      return maskCardNumber(value);
    case 'resident-number': // the last 6 digits hidden: 900101-1******
      return maskPositions(value, (_, k, n) => k >= n - 6);
    case 'licence-number': // region and year kept, serial and check hidden: 11-19-******-**
      return maskPositions(value, (_, k) => k >= 4);
    case 'passport-number': // M70******
      return maskPositions(value, (_, k) => k >= 3);
    case 'licence-serial': // A*****
      return maskPositions(value, (_, k) => k >= 1);
    case 'personal-number':
      return maskPositions(value, (_, k) => k >= 1);
    case 'mrz': // filler and the first 3 characters kept, no more of the passport number than passportNo shows
      return maskPositions(value, (i) => i >= 3);
  }
}
