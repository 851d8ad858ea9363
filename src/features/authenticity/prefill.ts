import { normaliseDate, type AuthenticityFields, type IdCardResult } from '@/api';

const digits = (text = '') => text.replace(/\D/g, '');
const ymd = (text = '') => normaliseDate(text) ?? digits(text);

/** The authenticity request pre-filled from a decrypted ID result, mapped to the guide's request table. */
export function prefillAuthenticity(result: IdCardResult): AuthenticityFields | null {
  const v = Object.fromEntries(result.keyValues.map((kv) => [kv.key, kv.value]));
  switch (result.idType) {
    case 'resident':
      return {
        idType: 'resident',
        name: v.name ?? '',
        residentNumber: digits(v.residentNumber),
        issueDate: ymd(v.issueDate),
      };
    case 'driver':
      return {
        idType: 'driver',
        name: v.name ?? '',
        residentNumber: digits(v.residentNumber).slice(0, 7),
        driverLicenseNumber: digits(v.driverLicenseNumber),
        serialNum: (v.serialNum ?? '').trim(),
      };
    case 'passport':
      return {
        idType: 'passport',
        name: v.koreanName || [v.surName, v.givenName].filter(Boolean).join(' '),
        passportNumber: (v.passportNo ?? '').toUpperCase(),
        issueDate: v.dateOfIssueYMD || ymd(v.dateOfIssue),
        birthDate: v.dateOfBirthYMD || ymd(v.dateOfBirth),
        expirationDate: v.dateOfExpiryYMD || ymd(v.dateOfExpiry),
      };
    default:
      return null;
  }
}
