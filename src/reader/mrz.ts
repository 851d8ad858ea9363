// Passport machine-readable zone (ICAO 9303 TD3: two lines of 44 characters) from the reader's lines.
import { icaoCheckDigit } from '@/lib/check-digits';
import type { Quad } from '@/lib/quad';
import { subQuad } from './card-text';
import type { ReadLine } from './types';

export interface MrzField {
  key: string;
  value: string;
  conf: number;
  bbox: Quad;
}

/** A line's text as MRZ characters: upper case, no spaces, the usual misreadings of `<` put right. */
function mrzText(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  [...text].forEach((c, i) => {
    if (/\s/.test(c)) return;
    const mapped = c === '«' ? '<<' : c === '‹' || c === '(' || c === '[' || c === '{' ? '<' : c.toUpperCase();
    for (const ch of mapped) {
      out += ch;
      at.push(i);
    }
  });
  return { text: out, at };
}

const DIGITS: Record<string, string> = { O: '0', Q: '0', D: '0', I: '1', L: '1', S: '5', B: '8', Z: '2', G: '6' };
const asDigits = (s: string) => [...s].map((c) => DIGITS[c] ?? c).join('');
const LETTERS = Object.fromEntries(Object.entries(DIGITS).map(([letter, digit]) => [digit, letter]));
LETTERS['0'] = 'O';
LETTERS['1'] = 'I';
/** A field of letters (a country code) with the digits OCR put in it read as the letters they look like. */
const asLetters = (s: string) => [...s].map((c) => LETTERS[c] ?? c).join('');

/** Line 2 with its numeric fields read as digits, and a personal-number filler of the wrong length put right. */
function fixLine2(raw: string): string | null {
  if (raw.length < 30 || !/^[A-Z0-9<]+$/.test(raw)) return null;
  let line = raw;
  if (line.length !== 44) {
    // The filler `<` of the personal number is where OCR miscounts: keep the first 28 and the last 2 characters.
    const personal = line.slice(28, -2).replace(/<+$/, '');
    if (personal.length > 14) return null;
    line = line.slice(0, 28) + personal.padEnd(14, '<') + line.slice(-2);
  }
  const digitsAt = (from: number, to: number) => asDigits(line.slice(from, to));
  return (
    line.slice(0, 9) +
    digitsAt(9, 10) +
    asLetters(line.slice(10, 13)) +
    digitsAt(13, 20) +
    line.slice(20, 21) +
    digitsAt(21, 28) +
    line.slice(28, 42) +
    digitsAt(42, 44)
  );
}

function checksHold(m: string): boolean {
  const holds = (from: number, to: number, at: number) => icaoCheckDigit(m.slice(from, to)) === Number(m[at]);
  const composite = icaoCheckDigit(m.slice(0, 10) + m.slice(13, 20) + m.slice(21, 43)) === Number(m[43]);
  const personalOk = m[42] === '<' ? /^<+$/.test(m.slice(28, 42)) : holds(28, 42, 42);
  return holds(0, 9, 9) && holds(13, 19, 19) && holds(21, 27, 27) && personalOk && composite;
}

const ymdOf = (yymmdd: string, future: boolean, today: Date) => {
  const yy = Number(yymmdd.slice(0, 2));
  const nowYy = today.getUTCFullYear() % 100;
  // Birth dates are in the past; expiry dates are at most a decade or so ahead.
  const century = future ? (yy <= nowYy + 20 ? 20 : 19) : yy <= nowYy ? 20 : 19;
  return `${century}${yymmdd}`;
};

/** The MRZ's fields, or null when no pair of lines makes a TD3 zone whose check digits hold. */
export function parseMrz(lines: ReadLine[], today: Date): MrzField[] | null {
  const texts = lines.map((l) => mrzText(l.text));
  for (let i = 0; i + 1 < lines.length; i++) {
    const raw = texts[i].text;
    const first = raw.slice(0, 2) + asLetters(raw.slice(2, 5)) + raw.slice(5);
    // A first line cut short counts when it reached the filler: three `<` in a row are past the names
    // (the detector can cut a long run of `<` off the line, and the recogniser read that piece as nothing).
    const complete = first.length >= 30 || (first.length >= 10 && first.endsWith('<<<'));
    if (!/^P[A-Z<][A-Z<]{3}/.test(first) || !complete || !/^[A-Z0-9<]+$/.test(first)) continue;
    const line1 = first.length >= 44 ? first.slice(0, 44) : first.padEnd(44, '<');
    const line2 = fixLine2(texts[i + 1].text);
    if (!line2 || !checksHold(line2)) continue;
    const box = (line: number, from: number, to: number) => {
      const at = texts[line].at;
      const start = at[Math.min(from, at.length - 1)];
      const end = at[Math.min(to, at.length) - 1] + 1;
      return subQuad(lines[line], start, Math.max(end, start + 1));
    };
    const conf1 = lines[i].conf;
    const conf2 = lines[i + 1].conf;
    const field = (key: string, value: string, line: number, from: number, to: number): MrzField => ({
      key,
      value,
      conf: Math.round((line === i ? conf1 : conf2) * 100) / 100,
      bbox: box(line, from, to),
    });
    const [surname, given = ''] = line1.slice(5).split('<<');
    const givenEnd = 5 + line1.slice(5).replace(/<+$/, '').length;
    const sex = line2[20] === '<' ? 'X' : line2[20];
    return [
      field('passportType', line1.slice(0, 2).replace(/<+$/, ''), i, 0, 2),
      field('countryCode', line2.slice(10, 13).replace(/<+$/, ''), i + 1, 10, 13),
      field('passportNo', line2.slice(0, 9).replace(/<+$/, ''), i + 1, 0, 9),
      field('surName', surname.replace(/</g, ' ').trim(), i, 5, 5 + surname.length),
      field(
        'givenName',
        given.replace(/</g, ' ').trim(),
        i,
        7 + surname.length,
        Math.max(givenEnd, 8 + surname.length),
      ),
      field('dateOfBirthYMD', ymdOf(line2.slice(13, 19), false, today), i + 1, 13, 19),
      field('sex', sex, i + 1, 20, 21),
      field('dateOfExpiryYMD', ymdOf(line2.slice(21, 27), true, today), i + 1, 21, 27),
      field('MRZ1', line1, i, 0, 44),
      field('MRZ2', line2, i + 1, 0, 44),
    ];
  }
  return null;
}
