import { isCalendarDate } from './dates';
import type { FieldProblem } from './errors';
import type { AuthenticityFields } from './types';

// The guide's request table: which fields each idType needs, and their form.
type Rule = { field: string; required: boolean; test: (value: string) => boolean; en: string; ko: string };

const digits = (count: number) => (value: string) => new RegExp(`^\\d{${count}}$`).test(value);
const name: Rule = {
  field: 'name',
  required: true,
  test: (v) => v.trim() !== '',
  en: 'Enter the name.',
  ko: '이름을 입력하세요.',
};
const date = (field: string, en: string, ko: string): Rule => ({ field, required: true, test: isCalendarDate, en, ko });

export const AUTHENTICITY_RULES: Record<AuthenticityFields['idType'], Rule[]> = {
  resident: [
    name,
    {
      field: 'residentNumber',
      required: true,
      test: digits(13),
      en: 'The resident registration number must be 13 digits.',
      ko: '주민등록번호는 숫자 13자리여야 합니다.',
    },
    date('issueDate', 'The issue date must be a real date as YYYYMMDD.', '발급일자는 실제 날짜(YYYYMMDD)여야 합니다.'),
  ],
  driver: [
    name,
    {
      field: 'residentNumber',
      required: true,
      test: digits(7),
      en: 'Enter 7 digits: the first 6 of the resident number and the 7th.',
      ko: '주민등록번호 앞 6자리와 뒷자리 첫 숫자, 모두 7자리를 입력하세요.',
    },
    {
      field: 'driverLicenseNumber',
      required: true,
      test: digits(12),
      en: 'The driver licence number must be 12 digits.',
      ko: '운전면허번호는 숫자 12자리여야 합니다.',
    },
    {
      field: 'serialNum',
      required: false,
      test: (v) => /^[A-Za-z0-9]{5,6}$/.test(v),
      en: 'The serial number is 5 or 6 letters or digits (or leave it empty).',
      ko: '일련번호는 영문자·숫자 5~6자리입니다(비워 둘 수 있음).',
    },
  ],
  passport: [
    name,
    {
      field: 'passportNumber',
      required: true,
      test: (v) => /^[A-Z0-9]{9}$/.test(v),
      en: 'The passport number is 9 upper-case letters or digits.',
      ko: '여권번호는 영문 대문자·숫자 9자리입니다.',
    },
    date('issueDate', 'The issue date must be a real date as YYYYMMDD.', '발급일자는 실제 날짜(YYYYMMDD)여야 합니다.'),
    date('birthDate', 'The birth date must be a real date as YYYYMMDD.', '생년월일은 실제 날짜(YYYYMMDD)여야 합니다.'),
    date(
      'expirationDate',
      'The expiration date must be a real date as YYYYMMDD.',
      '만료일은 실제 날짜(YYYYMMDD)여야 합니다.',
    ),
  ],
};

/** Fields sent in plain text; every other field is Base64(AES(UTF-8)). */
export const PLAIN_AUTHENTICITY_FIELDS: Record<AuthenticityFields['idType'], readonly string[]> = {
  resident: ['idType'],
  driver: ['idType'],
  passport: ['idType', 'expirationDate'],
};

/** Every problem with the fields, each naming its field; empty when they may be sent. */
export function checkAuthenticityFields(fields: AuthenticityFields): FieldProblem[] {
  const rules = AUTHENTICITY_RULES[fields.idType];
  if (!rules)
    return [
      {
        field: 'idType',
        message: { en: 'Choose resident, driver or passport.', ko: '주민등록증, 운전면허증, 여권 중에서 고르세요.' },
      },
    ];
  const values = fields as unknown as Record<string, unknown>;
  return rules.flatMap((rule) => {
    const value = values[rule.field];
    if (value === undefined || value === '') {
      return rule.required ? [{ field: rule.field, message: { en: rule.en, ko: rule.ko } }] : [];
    }
    return typeof value === 'string' && rule.test(value)
      ? []
      : [{ field: rule.field, message: { en: rule.en, ko: rule.ko } }];
  });
}
