import { isCalendarDate, normaliseDate, type IdCardResult } from '@/api';
import { GUIDE_KEY_ORDER } from '@/model/fields/field-names';
import { mask, SENSITIVE_KEYS } from '@/model/fields/masking';
import { icaoCheckDigit, residentBirthDate, residentNumberCheckDigit } from '@/lib/check-digits';
import { msg, type RuleResult } from './rule-types';

interface Field {
  id: string;
  value: string;
}

const ymdOf = (date: Date) => date.toISOString().slice(0, 10).replace(/-/g, '');
// Numbers assigned from October 2020 carry a random last digit instead of a check digit.
const CHECK_DIGIT_RETIRED = '20201001';

export { residentBirthDate };

function residentNumberRules(field: Field, today: Date, key = 'residentNumber'): RuleResult[] {
  const digits = field.value.replace(/\D/g, '');
  // Index into the displayed value of the n-th digit, so a badge can point at the character.
  const at = (n: number) =>
    [...field.value].findIndex((_, i) => field.value.slice(0, i + 1).replace(/\D/g, '').length === n + 1);
  const rule = (name: string, outcome: RuleResult['outcome'], en: string, ko: string, digit?: number): RuleResult => ({
    rule: name,
    fieldId: field.id,
    key,
    outcome,
    message: msg(en, ko),
    charIndex: digit === undefined ? undefined : at(digit),
  });
  if (digits.length !== 13)
    return [
      rule(
        'resident-digits',
        'fail',
        `The resident number has ${digits.length} digits, not 13.`,
        `주민등록번호가 13자리가 아니라 ${digits.length}자리입니다.`,
      ),
    ];
  const out: RuleResult[] = [];
  const birth = residentBirthDate(digits);
  if (!birth)
    return [
      rule(
        'resident-gender',
        'fail',
        `The 7th digit ${digits[6]} is no valid gender/century digit.`,
        `7번째 숫자 ${digits[6]}은(는) 올바른 성별·세기 숫자가 아닙니다.`,
        6,
      ),
    ];
  out.push(rule('resident-gender', 'pass', 'The gender/century digit is valid.', '성별·세기 숫자가 올바릅니다.'));
  const born = isCalendarDate(birth);
  out.push(
    born
      ? rule('resident-birth', 'pass', `Encodes the birth date ${birth}.`, `생년월일 ${birth}을(를) 담고 있습니다.`)
      : rule(
          'resident-birth',
          'fail',
          `The birth date ${birth} does not exist.`,
          `생년월일 ${birth}은(는) 없는 날짜입니다.`,
          2,
        ),
  );
  if (born && birth >= CHECK_DIGIT_RETIRED) {
    out.push(
      rule(
        'resident-check',
        'info',
        'Issued from October 2020: such numbers have no check digit.',
        '2020년 10월 이후 부여된 번호라 검증 숫자가 없습니다.',
      ),
    );
  } else if (born && birth <= ymdOf(today)) {
    const holds = residentNumberCheckDigit(digits.slice(0, 12)) === Number(digits[12]);
    out.push(
      holds
        ? rule('resident-check', 'pass', 'The check digit holds.', '검증 숫자가 맞습니다.')
        : rule(
            'resident-check',
            'fail',
            'The check digit does not hold: a digit is misread.',
            '검증 숫자가 맞지 않습니다. 잘못 읽은 숫자가 있습니다.',
            12,
          ),
    );
  }
  return out;
}

function dateRule(field: Field, key: string, today: Date): RuleResult {
  const ymd = normaliseDate(field.value);
  if (!ymd)
    return {
      rule: 'date',
      fieldId: field.id,
      key,
      outcome: 'fail',
      message: msg(`“${field.value}” is not a real date.`, `“${field.value}”은(는) 실제 날짜가 아닙니다.`),
    };
  if (ymd > ymdOf(today))
    return {
      rule: 'date',
      fieldId: field.id,
      key,
      outcome: 'fail',
      message: msg('The issue date is in the future.', '발급일자가 미래입니다.'),
    };
  return {
    rule: 'date',
    fieldId: field.id,
    key,
    outcome: 'pass',
    message: msg(`A real date in the past (${ymd}).`, `과거의 실제 날짜입니다(${ymd}).`),
  };
}

/** Korean licence numbers: 2-digit region, 2-digit year, 6-digit serial, 2 check digits. */
function licenceRule(field: Field): RuleResult {
  const digits = field.value.replace(/\D/g, '');
  const ok = /^\d{2}-?\d{2}-?\d{6}-?\d{2}$/.test(field.value.replace(/\s/g, '')) && digits.length === 12;
  const region = Number(digits.slice(0, 2));
  // Regions are 11–28 (the old numbering of provincial police agencies).
  const regionOk = region >= 11 && region <= 28;
  return {
    rule: 'licence-format',
    fieldId: field.id,
    key: 'driverLicenseNumber',
    outcome: ok && regionOk ? 'pass' : 'fail',
    message:
      ok && regionOk
        ? msg(
            `Region ${digits.slice(0, 2)}, year ${digits.slice(2, 4)}, serial and check digits in place.`,
            `지역 ${digits.slice(0, 2)}, 연도 ${digits.slice(2, 4)}, 일련번호와 검증 숫자가 형식에 맞습니다.`,
          )
        : !ok
          ? msg(
              'Not the region-year-serial-check format (12 digits).',
              '지역-연도-일련번호-검증 숫자(12자리) 형식이 아닙니다.',
            )
          : msg(`Region code ${digits.slice(0, 2)} does not exist.`, `지역 코드 ${digits.slice(0, 2)}은(는) 없습니다.`),
    charIndex: ok && !regionOk ? 0 : undefined,
  };
}

function mrzRules(values: Map<string, Field>, today: Date): RuleResult[] {
  const line = values.get('MRZ2');
  if (!line) return [];
  const m = line.value.replace(/\s/g, '');
  const rule = (name: string, pass: boolean, en: string, ko: string, charIndex?: number): RuleResult => ({
    rule: name,
    fieldId: line.id,
    key: 'MRZ2',
    outcome: pass ? 'pass' : 'fail',
    message: msg(en, ko),
    charIndex,
  });
  if (m.length !== 44)
    return [
      rule(
        'mrz-length',
        false,
        `MRZ line 2 has ${m.length} characters, not 44.`,
        `MRZ 2행이 44자가 아니라 ${m.length}자입니다.`,
      ),
    ];
  const check = (name: string, from: number, to: number, at: number, what: string, whatKo: string) => {
    const ok = icaoCheckDigit(m.slice(from, to)) === Number(m[at]);
    return rule(
      name,
      ok,
      ok ? `The ${what} check digit holds.` : `The ${what} check digit fails.`,
      ok ? `${whatKo} 검증 숫자가 맞습니다.` : `${whatKo} 검증 숫자가 틀립니다.`,
      ok ? undefined : at,
    );
  };
  const out = [
    check('mrz-document', 0, 9, 9, 'document number', '여권번호'),
    check('mrz-birth', 13, 19, 19, 'birth date', '생년월일'),
    check('mrz-expiry', 21, 27, 27, 'expiry date', '만료일'),
    check('mrz-personal', 28, 42, 42, 'personal number', '개인번호'),
  ];
  const composite = icaoCheckDigit(m.slice(0, 10) + m.slice(13, 20) + m.slice(21, 43)) === Number(m[43]);
  out.push(
    rule(
      'mrz-composite',
      composite,
      composite ? 'The composite check digit holds.' : 'The composite check digit fails.',
      composite ? '종합 검증 숫자가 맞습니다.' : '종합 검증 숫자가 틀립니다.',
      composite ? undefined : 43,
    ),
  );

  const agree = (key: string, mrzValue: string, printed: (v: string) => string) => {
    const field = values.get(key);
    if (!field) return;
    const same = printed(field.value) === mrzValue;
    // A rule message is text on screen like any other: it shows the MRZ's value masked as the field is.
    const shown = SENSITIVE_KEYS[key] ? mask(mrzValue, SENSITIVE_KEYS[key]) : mrzValue;
    out.push({
      rule: `mrz-agrees-${key}`,
      fieldId: field.id,
      key,
      outcome: same ? 'pass' : 'fail',
      message: same
        ? msg('Agrees with the MRZ.', 'MRZ와 일치합니다.')
        : msg(`Disagrees with the MRZ (${shown}).`, `MRZ(${shown})와 다릅니다.`),
      charIndex: same ? undefined : 0,
    });
  };
  const yy = (ymd: string) => ymd.replace(/\D/g, '').slice(2);
  agree('passportNo', m.slice(0, 9).replace(/<+$/, ''), (v) => v.trim().toUpperCase());
  agree('dateOfBirthYMD', m.slice(13, 19), yy);
  agree('dateOfExpiryYMD', m.slice(21, 27), yy);
  agree('sex', m[20], (v) => v.trim().toUpperCase().slice(0, 1));
  agree('countryCode', m.slice(10, 13), (v) => v.trim().toUpperCase());
  const expiry = values.get('dateOfExpiryYMD');
  if (expiry && /^\d{8}$/.test(expiry.value)) {
    const passed = expiry.value < ymdOf(today);
    out.push({
      rule: 'passport-expiry',
      fieldId: expiry.id,
      key: 'dateOfExpiryYMD',
      outcome: passed ? 'fail' : 'pass',
      message: passed
        ? msg('The passport has expired.', '여권이 만료되었습니다.')
        : msg('Not expired.', '만료되지 않았습니다.'),
    });
  }
  return out;
}

export function idCardRules(
  result: IdCardResult,
  fields: { id: string; key: string; value: string }[],
  today: Date,
): RuleResult[] {
  const values = new Map(fields.map((f) => [f.key, { id: f.id, value: f.value }]));
  const expected = GUIDE_KEY_ORDER[result.idType] ?? [];
  // serialNum and condition are not on every licence; everything else the idType has should be there.
  const optional = new Set(['serialNum', 'condition', 'personalNo', 'koreanName']);
  const out: RuleResult[] = expected
    .filter((key) => !values.has(key) && !optional.has(key))
    .map((key) => ({
      rule: 'present',
      fieldId: null,
      key,
      outcome: 'missing' as const,
      message: msg(`${key} is missing from the result.`, `결과에 ${key}이(가) 없습니다.`),
    }));

  const resident = values.get('residentNumber');
  if (result.idType === 'resident') {
    if (resident) out.push(...residentNumberRules(resident, today));
    const issue = values.get('issueDate');
    if (issue) out.push(dateRule(issue, 'issueDate', today));
  } else if (result.idType === 'driver') {
    const licence = values.get('driverLicenseNumber');
    if (licence) out.push(licenceRule(licence));
    if (resident) out.push(...residentNumberRules(resident, today));
    const issue = values.get('issueDate');
    if (issue) out.push(dateRule(issue, 'issueDate', today));
  } else if (result.idType === 'passport') {
    out.push(...mrzRules(values, today));
  }
  return out;
}
