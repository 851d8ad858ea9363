import { describe, expect, it } from 'vitest';
import type { IdCardResult } from '@/api';
import { fieldsOf } from '@/model/fields/result-fields';
import { residentNumberCheckDigit } from '@/lib/check-digits';
import { sample } from '@/test-support/sandbox-fixture';
import { idCardRules, residentBirthDate } from './id-rules';

const today = new Date(Date.UTC(2026, 10, 25));
function rulesFor(file: string, edit?: (values: Map<string, { value: string }>) => void) {
  const result = structuredClone(sample(file).result as IdCardResult);
  if (edit) edit(new Map(result.keyValues.map((kv) => [kv.key, kv])));
  return idCardRules(result, fieldsOf({ kind: 'id-card', result }), today);
}
const find = (rules: ReturnType<typeof idCardRules>, rule: string) => rules.find((r) => r.rule === rule);

describe('resident card rules', () => {
  it('pass the specimen', () => {
    expect(rulesFor('id-resident.png').filter((r) => r.outcome === 'fail' || r.outcome === 'missing')).toEqual([]);
  });

  it('read the century from the 7th digit', () => {
    expect(residentBirthDate('9001011234568')).toBe('19900101');
    expect(residentBirthDate('0503154123456')).toBe('20050315');
    expect(residentBirthDate('9912319123456')).toBe('18991231');
  });

  it('fail a changed digit through the check digit, pointing at it', () => {
    const rules = rulesFor('id-resident.png', (v) => (v.get('residentNumber')!.value = '900101-1234567'));
    expect(find(rules, 'resident-check')).toMatchObject({ outcome: 'fail', charIndex: 13 });
  });

  it('fail a birth date that does not exist', () => {
    const first12 = '900230123456';
    const rules = rulesFor(
      'id-resident.png',
      (v) =>
        (v.get('residentNumber')!.value =
          `${first12.slice(0, 6)}-${first12.slice(6)}${residentNumberCheckDigit(first12)}`),
    );
    expect(find(rules, 'resident-birth')?.outcome).toBe('fail');
  });

  it('do not fail numbers from October 2020 on, which have no check digit', () => {
    const rules = rulesFor('id-resident.png', (v) => (v.get('residentNumber')!.value = '210315-3000000'));
    expect(find(rules, 'resident-check')?.outcome).toBe('info');
  });

  it('fail a number of the wrong length and an issue date in the future', () => {
    expect(
      find(
        rulesFor('id-resident.png', (v) => (v.get('residentNumber')!.value = '12345')),
        'resident-digits',
      )?.outcome,
    ).toBe('fail');
    expect(
      find(
        rulesFor('id-resident.png', (v) => (v.get('issueDate')!.value = '2030.1.1.')),
        'date',
      )?.outcome,
    ).toBe('fail');
  });

  it('list a field the result lacks as missing', () => {
    const result = structuredClone(sample('id-resident.png').result as IdCardResult);
    result.keyValues = result.keyValues.filter((kv) => kv.key !== 'issuer');
    const rules = idCardRules(result, fieldsOf({ kind: 'id-card', result }), today);
    expect(rules.find((r) => r.outcome === 'missing')).toMatchObject({ key: 'issuer', fieldId: null });
  });
});

describe("driver's licence rules", () => {
  it('pass the specimen and fail a bad region code', () => {
    expect(rulesFor('id-driver.png').filter((r) => r.outcome === 'fail')).toEqual([]);
    expect(
      find(
        rulesFor('id-driver.png', (v) => (v.get('driverLicenseNumber')!.value = '99-19-123456-10')),
        'licence-format',
      )?.outcome,
    ).toBe('fail');
  });
});

describe('passport rules', () => {
  it('pass the specimen MRZ', () => {
    expect(rulesFor('id-passport.png').filter((r) => r.outcome === 'fail')).toEqual([]);
  });

  it('fail a misread MRZ digit at its check digit and the composite', () => {
    const rules = rulesFor('id-passport.png', (v) => {
      const line = v.get('MRZ2')!;
      line.value = line.value.slice(0, 13) + '8' + line.value.slice(14); // birth year 1990 → 1980
    });
    expect(find(rules, 'mrz-birth')).toMatchObject({ outcome: 'fail', charIndex: 19 });
    expect(find(rules, 'mrz-composite')?.outcome).toBe('fail');
    expect(find(rules, 'mrz-agrees-dateOfBirthYMD')?.outcome).toBe('fail');
  });

  it('catch a printed field that disagrees with the MRZ', () => {
    expect(
      find(
        rulesFor('id-passport.png', (v) => (v.get('passportNo')!.value = 'M70689099')),
        'mrz-agrees-passportNo',
      )?.outcome,
    ).toBe('fail');
  });
});

describe('rule messages', () => {
  it('never carry a full sensitive value: the MRZ passport number is masked like the field', () => {
    const rules = rulesFor('id-passport.png', (v) => (v.get('passportNo')!.value = 'M70689099'));
    const disagree = find(rules, 'mrz-agrees-passportNo')!;
    expect(disagree.outcome).toBe('fail');
    for (const text of [disagree.message.en, disagree.message.ko]) {
      expect(text).not.toContain('M70689098');
      expect(text).toContain('M70••••••');
    }
  });
});
