// Sensitive values are masked by default everywhere on screen and in exports (issue 4, "Masking").
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

const MASK = '•';

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

/** Card number: first 6 and last 4 digits shown (PCI DSS). */
export const maskCardNumber = (value: string) => maskPositions(value, (_, k, n) => k >= 6 && k < n - 4);

/** One group of a card number, given where it starts in the whole number and the whole number's length. */
export function maskCardGroup(group: string, offset: number, totalDigits: number): string {
  return maskPositions(group, (_, k) => offset + k >= 6 && offset + k < totalDigits - 4);
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
