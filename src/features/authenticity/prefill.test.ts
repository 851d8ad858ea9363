import { describe, expect, it } from 'vitest';
import { checkAuthenticityFields, type IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { prefillAuthenticity } from './prefill';

describe('authenticity prefill', () => {
  it('maps a resident card: hyphens stripped, 2019.3.4. becomes 20190304', () => {
    expect(prefillAuthenticity(sample('id-resident.png').result as IdCardResult)).toEqual({
      idType: 'resident',
      name: '홍길동',
      residentNumber: '9001011234568',
      issueDate: '20190304',
    });
  });

  it('maps a driver licence to the 7-digit resident prefix and 12 licence digits', () => {
    const fields = prefillAuthenticity(sample('id-driver.png').result as IdCardResult)!;
    expect(fields).toEqual({
      idType: 'driver',
      name: '김견본',
      residentNumber: '8503152',
      driverLicenseNumber: '111912345610',
      serialNum: 'A1B2C3',
    });
    expect(checkAuthenticityFields(fields)).toEqual([]);
  });

  it('maps a passport from its YYYYMMDD fields', () => {
    const fields = prefillAuthenticity(sample('id-passport.png').result as IdCardResult)!;
    expect(fields).toMatchObject({
      idType: 'passport',
      passportNumber: 'M70689098',
      birthDate: '19900101',
      expirationDate: '20310315',
    });
    expect(checkAuthenticityFields(fields)).toEqual([]);
  });
});
