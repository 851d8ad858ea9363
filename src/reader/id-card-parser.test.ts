import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLine } from '@/test-support/read-line';
import { residentNumberCheckDigit } from '@/lib/check-digits';
import { parseIdCard, residentNumberValid } from './id-card-parser';
import type { ReadLine } from './types';

const SIZE = { width: 1000, height: 630 };
const TODAY = new Date('2026-06-01T00:00:00Z');

const line = (text: string, x: number, y: number, conf = 0.9) => readLine(text, x, y, conf, 30);

const parsed = (lines: ReadLine[]) => {
  const p = parseIdCard(lines, SIZE, { today: TODAY });
  if (!p.ok) throw new Error(p.lookedFor);
  return p.result;
};
const values = (r: { keyValues: { key: string; value: string }[] }) =>
  Object.fromEntries(r.keyValues.map((kv) => [kv.key, kv.value]));

describe('residentNumberValid', () => {
  it('checks the gender digit, the birth date and the check digit before October 2020', () => {
    expect(residentNumberValid('9001011234568')).toBe(true);
    expect(residentNumberValid('9001011234567')).toBe(false);
    expect(residentNumberValid('9013011234568')).toBe(false);
    // Born 2021: no check digit.
    expect(residentNumberValid('2103154123450')).toBe(true);
  });
});

describe('parseIdCard', () => {
  it('reads a resident card: number and issue date, never Hangul fields', () => {
    const r = parsed([line('SPECIMEN', 60, 40), line('900101-1234568', 57, 240), line('2019.3.4.', 357, 478)]);
    expect(r.idType).toBe('resident');
    expect(values(r)).toEqual({ residentNumber: '900101-1234568', issueDate: '2019.3.4.' });
    expect(r.keyValues[0].bbox).toEqual({ x1: 57, y1: 240, x2: 337, y2: 240, x3: 337, y3: 270, x4: 57, y4: 270 });
  });

  it('reads noisy resident numbers: O for 0, spaces, split across two lines, a wrong one beside', () => {
    expect(values(parsed([line('9OO1O1 - l234568', 0, 0)])).residentNumber).toBe('900101-1234568');
    const split = parsed([line('900101-', 0, 100), line('1234568', 150, 100), line('2019. 03. 04', 0, 200)]);
    expect(values(split)).toEqual({ residentNumber: '900101-1234568', issueDate: '2019.3.4.' });
    expect(split.keyValues[0].bbox).toMatchObject({ x1: 0, x2: 290 });
    expect(values(parsed([line('900101-1234567', 0, 0), line('850315-2345678', 0, 50)])).residentNumber).toBe(
      '850315-2345678',
    );
  });

  it('reads a driver licence: 2-2-6-2 number, resident number, issue date (not the renewal period)', () => {
    const r = parsed([
      line('11-19-123456-10', 220, 163),
      line('850315-2345678', 57, 294),
      line('2029.01.01~2029.12.31', 57, 400),
      line('2020.5.20.', 57, 499),
      line('A1B2C3', 776, 554),
    ]);
    expect(r.idType).toBe('driver');
    expect(values(r)).toEqual({
      driverLicenseNumber: '11-19-123456-10',
      residentNumber: '850315-2345678',
      issueDate: '2020.5.20.',
    });
    // A condition printed between the resident number and the issue date, where the resident number starts.
    const withCondition = parsed([
      line('11-19-123456-10', 220, 163),
      line('850315-2345678', 57, 294),
      line('A', 57, 411),
      line('2020.5.20.', 57, 499),
    ]);
    expect(withCondition.keyValues.map((kv) => kv.key)).toEqual([
      'driverLicenseNumber',
      'residentNumber',
      'condition',
      'issueDate',
    ]);
    expect(values(withCondition).condition).toBe('A');
    expect(values(parsed([line('111912345610', 0, 0)])).driverLicenseNumber).toBe('11-19-123456-10');
    expect(parseIdCard([line('991912345610', 0, 0)], SIZE).ok).toBe(false);
  });

  it('reads a passport MRZ with its check digits, filler miscounted', () => {
    const mrz1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
    const mrz2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
    const r = parsed([
      line('PASSPORT', 0, 0),
      line(mrz1.slice(0, 40), 0, 500),
      line(mrz2.replace('<<<<<', '<<<'), 0, 550),
    ]);
    expect(r.idType).toBe('passport');
    expect(values(r)).toEqual({
      passportType: 'P',
      countryCode: 'UTO',
      passportNo: 'L898902C3',
      surName: 'ERIKSSON',
      givenName: 'ANNA MARIA',
      dateOfBirthYMD: '19740812',
      sex: 'F',
      dateOfExpiryYMD: '20120415',
      MRZ1: mrz1,
      MRZ2: mrz2,
    });
    // A first line the detector cut where its filler runs on is read, padded; one cut inside the names is not.
    const cut = (first: string) => parseIdCard([line(first, 0, 500), line(mrz2, 0, 550)], SIZE);
    const short = cut('PMKORHONG<<GILDONG<<<<<<<<');
    expect(short.ok && values(short.result)).toMatchObject({
      givenName: 'GILDONG',
      MRZ1: 'PMKORHONG<<GILDONG'.padEnd(44, '<'),
    });
    expect(cut('P<UTOERIKSSON<<ANNA<MA').ok).toBe(false);
    // The country codes are letters: a 0 read in one is an O.
    const zero = parseIdCard(
      [line('PMK0RHONG<<GILDONG<<<<<<', 0, 500), line(mrz2.replace('UTO', 'UT0'), 0, 550)],
      SIZE,
    );
    expect(zero.ok && values(zero.result)).toMatchObject({ countryCode: 'UTO', MRZ1: expect.stringMatching(/^PMKOR/) });
    // A misread digit breaks a check digit: no passport.
    const broken = parseIdCard([line(mrz1, 0, 500), line(mrz2.replace('7408', '7409'), 0, 550)], SIZE);
    expect(broken.ok).toBe(false);
  });

  it('says what it looked for, never blaming the photo', () => {
    const p = parseIdCard([line('SPECIMEN', 0, 0), line('2019.3.4.', 0, 50)], SIZE);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.lookedFor).toMatch(/resident registration number.*licence number.*machine-readable zone/);
      expect(p.lookedFor).not.toMatch(/photo|blur|quality|light/i);
    }
  });

  it('recovers any valid resident number written 6-7, with its box inside the line', () => {
    const resident = fc
      .record({
        year: fc.integer({ min: 1930, max: 2019 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 28 }),
        female: fc.boolean(),
        rest: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 5, maxLength: 5 }),
      })
      .map(({ year, month, day, female, rest }) => {
        const gender = (year < 2000 ? 1 : 3) + (female ? 1 : 0);
        const body =
          String(year).slice(2) +
          String(month).padStart(2, '0') +
          String(day).padStart(2, '0') +
          gender +
          rest.join('');
        return body + String(residentNumberCheckDigit(body));
      });
    fc.assert(
      fc.property(resident, (digits) => {
        const value = `${digits.slice(0, 6)}-${digits.slice(6)}`;
        const r = parsed([line('SPECIMEN', 0, 0), line(value, 40, 200)]);
        expect(values(r).residentNumber).toBe(value);
        expect(r.keyValues[0].bbox.x1).toBeGreaterThanOrEqual(40);
        expect(r.keyValues[0].bbox.x2).toBeLessThanOrEqual(40 + 14 * 20);
      }),
    );
  });
});
