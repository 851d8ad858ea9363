// The one table of field names shown to users: every screen, export and message takes its names from here.
import type { Localised } from '@/api';

export const FIELD_NAMES: Record<string, Localised> = {
  cardNum: { en: 'Card number', ko: '카드 번호' },
  totalCardNum: { en: 'Full card number', ko: '전체 카드 번호' },
  validThru: { en: 'Valid thru', ko: '유효 기간' },
  name: { en: 'Name', ko: '이름' },
  residentNumber: { en: 'Resident registration number', ko: '주민등록번호' },
  issueDate: { en: 'Issue date', ko: '발급일자' },
  issuer: { en: 'Issuer', ko: '발급기관' },
  driverLicenseNumber: { en: 'Driver licence number', ko: '운전면허번호' },
  licenseType: { en: 'Licence type', ko: '면허 종류' },
  condition: { en: 'Condition', ko: '조건' },
  serialNum: { en: 'Serial number', ko: '일련번호' },
  passportType: { en: 'Passport type', ko: '여권 종류' },
  countryCode: { en: 'Issuing country', ko: '발행국' },
  passportNo: { en: 'Passport number', ko: '여권번호' },
  surName: { en: 'Surname', ko: '성' },
  givenName: { en: 'Given names', ko: '이름(영문)' },
  nationality: { en: 'Nationality', ko: '국적' },
  dateOfBirth: { en: 'Date of birth', ko: '생년월일' },
  dateOfBirthYMD: { en: 'Date of birth (YYYYMMDD)', ko: '생년월일(YYYYMMDD)' },
  sex: { en: 'Sex', ko: '성별' },
  dateOfIssue: { en: 'Date of issue', ko: '발급일' },
  dateOfIssueYMD: { en: 'Date of issue (YYYYMMDD)', ko: '발급일(YYYYMMDD)' },
  dateOfExpiry: { en: 'Date of expiry', ko: '기간만료일' },
  dateOfExpiryYMD: { en: 'Date of expiry (YYYYMMDD)', ko: '기간만료일(YYYYMMDD)' },
  koreanName: { en: 'Korean name', ko: '한글 성명' },
  personalNo: { en: 'Personal number', ko: '주민등록번호 뒷자리' },
  MRZ1: { en: 'MRZ line 1', ko: 'MRZ 1행' },
  MRZ2: { en: 'MRZ line 2', ko: 'MRZ 2행' },
  // Authenticity request fields that differ from result keys.
  passportNumber: { en: 'Passport number', ko: '여권번호' },
  birthDate: { en: 'Date of birth', ko: '생년월일' },
  expirationDate: { en: 'Expiration date', ko: '만료일' },
  extraBox: { en: 'Other text', ko: '기타 영역' },
};

export const ID_TYPE_NAMES: Record<string, Localised> = {
  resident: { en: 'Resident registration card', ko: '주민등록증' },
  driver: { en: "Driver's licence", ko: '운전면허증' },
  passport: { en: 'Passport', ko: '여권' },
};

/** Keys in the guide's order per idType; unknown keys follow in the order received. */
export const GUIDE_KEY_ORDER: Record<string, readonly string[]> = {
  resident: ['name', 'residentNumber', 'issueDate', 'issuer'],
  driver: [
    'driverLicenseNumber',
    'licenseType',
    'name',
    'residentNumber',
    'condition',
    'serialNum',
    'issueDate',
    'issuer',
  ],
  passport: [
    'passportType',
    'countryCode',
    'passportNo',
    'surName',
    'givenName',
    'nationality',
    'dateOfBirth',
    'dateOfBirthYMD',
    'sex',
    'dateOfIssue',
    'dateOfIssueYMD',
    'dateOfExpiry',
    'dateOfExpiryYMD',
    'koreanName',
    'personalNo',
    'MRZ1',
    'MRZ2',
  ],
};

export function fieldName(key: string, lang: keyof Localised): string {
  return FIELD_NAMES[key]?.[lang] ?? key;
}
