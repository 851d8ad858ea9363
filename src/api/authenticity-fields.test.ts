import { describe, expect, it } from 'vitest';
import { checkAuthenticityFields } from './authenticity-fields';
import { isCalendarDate, normaliseDate } from './dates';

describe('dates', () => {
  it.each([
    ['2019.3.4.', '20190304'],
    ['2019. 3. 4.', '20190304'],
    ['2019.12.31', '20191231'],
    ['2019-03-04', '20190304'],
    ['20190304', '20190304'],
    ['2019.2.30.', null],
    ['04/19', null],
    ['', null],
  ])('normalises %j to %j', (text, expected) => expect(normaliseDate(text)).toBe(expected));

  it('knows leap years', () => {
    expect(isCalendarDate('20240229')).toBe(true);
    expect(isCalendarDate('20230229')).toBe(false);
    expect(isCalendarDate('19000229')).toBe(false);
  });
});

describe('authenticity fields, per the guide', () => {
  const fieldsOf = (problems: ReturnType<typeof checkAuthenticityFields>) => problems.map((p) => p.field);

  it('accepts a complete resident request', () => {
    expect(
      checkAuthenticityFields({
        idType: 'resident',
        name: '홍길동',
        residentNumber: '9001011234568',
        issueDate: '20190304',
      }),
    ).toEqual([]);
  });

  it('names each bad resident field', () => {
    expect(
      fieldsOf(
        checkAuthenticityFields({
          idType: 'resident',
          name: ' ',
          residentNumber: '900101-1234568',
          issueDate: '2019.3.4.',
        }),
      ),
    ).toEqual(['name', 'residentNumber', 'issueDate']);
  });

  it('takes 7 digits for a driver and an optional 5–6 character serial', () => {
    const driver = {
      idType: 'driver',
      name: '김견본',
      residentNumber: '8503152',
      driverLicenseNumber: '111912345610',
    } as const;
    expect(checkAuthenticityFields(driver)).toEqual([]);
    expect(checkAuthenticityFields({ ...driver, serialNum: 'A1B2C' })).toEqual([]);
    expect(fieldsOf(checkAuthenticityFields({ ...driver, serialNum: 'A1B2' }))).toEqual(['serialNum']);
    expect(
      fieldsOf(
        checkAuthenticityFields({ ...driver, residentNumber: '8503152345678', driverLicenseNumber: '11-19-123456-10' }),
      ),
    ).toEqual(['residentNumber', 'driverLicenseNumber']);
  });

  it('wants 9 upper-case letters or digits and three real dates for a passport', () => {
    const passport = {
      idType: 'passport',
      name: 'HONG GILDONG',
      passportNumber: 'M70689098',
      issueDate: '20210315',
      birthDate: '19900101',
      expirationDate: '20310315',
    } as const;
    expect(checkAuthenticityFields(passport)).toEqual([]);
    expect(
      fieldsOf(checkAuthenticityFields({ ...passport, passportNumber: 'm70689098', expirationDate: '20311315' })),
    ).toEqual(['passportNumber', 'expirationDate']);
  });

  it('gives every problem an English and a Korean message', () => {
    for (const problem of checkAuthenticityFields({
      idType: 'passport',
      name: '',
      passportNumber: '',
      issueDate: '',
      birthDate: '',
      expirationDate: '',
    })) {
      expect(problem.message.en).not.toBe('');
      expect(problem.message.ko).toMatch(/[가-힣]/);
    }
  });
});
