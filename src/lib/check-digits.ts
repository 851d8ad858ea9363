/** Luhn (ISO/IEC 7812-1) over a string of digits. */
export function luhnValid(digits: string): boolean {
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** ICAO 9303 part 3 §4.9: weights 7-3-1, `<` is 0, A–Z are 10–35. */
export function icaoCheckDigit(field: string): number {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * weights[i % 3];
  }
  return sum % 10;
}

/**
 * The check digit of a Korean resident registration number issued before October 2020
 * (weights 2–9, 2–5; check = (11 − sum mod 11) mod 10). Later numbers have no check digit.
 */
export function residentNumberCheckDigit(first12: string): number {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first12[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** The birth date a resident number encodes, from its 7th (gender and century) digit. */
export function residentBirthDate(digits: string): string | null {
  const centuries: Record<string, string> = {
    '9': '18',
    '0': '18',
    '1': '19',
    '2': '19',
    '5': '19',
    '6': '19',
    '3': '20',
    '4': '20',
    '7': '20',
    '8': '20',
  };
  const century = centuries[digits[6]];
  return century ? century + digits.slice(0, 6) : null;
}
