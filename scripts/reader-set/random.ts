// Seeded randomness and the synthetic numbers of the reader's accuracy set: all SPECIMEN, all valid.
import { luhnValid, residentNumberCheckDigit } from '../../src/lib/check-digits';

export type Random = ReturnType<typeof random>;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    range: (min: number, max: number) => min + next() * (max - min),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    digits: (n: number) => Array.from({ length: n }, () => String(int(0, 9))).join(''),
  };
}

export type Brand = 'visa' | 'mastercard' | 'amex' | 'domestic';

/** A Luhn-valid number of the brand's length and prefix, with its printed groups. */
export function cardNumber(r: Random, brand: Brand): { number: string; groups: string[] } {
  const prefix =
    brand === 'visa'
      ? '4'
      : brand === 'mastercard'
        ? r.pick(['51', '52', '53', '54', '55', '2221', '2720'])
        : brand === 'amex'
          ? r.pick(['34', '37'])
          : r.pick(['9410', '9430', '9490']);
  const length = brand === 'amex' ? 15 : 16;
  const body = prefix + r.digits(length - 1 - prefix.length);
  const check = [...Array(10).keys()].find((d) => luhnValid(body + String(d)))!;
  const number = body + String(check);
  const sizes = brand === 'amex' ? [4, 6, 5] : [4, 4, 4, 4];
  let at = 0;
  const groups = sizes.map((size) => number.slice(at, (at += size)));
  return { number, groups };
}

/** A resident number for a birth date before October 2020, so its check digit applies: "YYMMDD-GNNNNNC". */
export function residentNumber(r: Random): string {
  const year = r.int(1940, 2015);
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  const gender = (year < 2000 ? 1 : 3) + r.int(0, 1);
  const two = (n: number) => String(n).padStart(2, '0');
  const body = `${two(year % 100)}${two(month)}${two(day)}${gender}${r.digits(5)}`;
  return `${body.slice(0, 6)}-${body.slice(6)}${residentNumberCheckDigit(body)}`;
}

/** A licence number region-year-serial-check (regions 11–28). */
export const licenceNumber = (r: Random) =>
  `${r.int(11, 28)}-${String(r.int(0, 25)).padStart(2, '0')}-${r.digits(6)}-${r.digits(2)}`;

/** A date in the `YYYY.M.D.` form NHN's results use. */
export const issueDate = (r: Random) => `${r.int(2005, 2025)}.${r.int(1, 12)}.${r.int(1, 28)}.`;
