import type { CreditCardResult } from '@/api';
import { luhnValid } from '@/lib/check-digits';
import { msg, type RuleResult } from './rule-types';

export type CardBrand =
  'Visa' | 'Mastercard' | 'American Express' | 'JCB' | 'Diners Club' | 'Discover' | 'UnionPay' | 'Korean domestic';

/** Brand from the issuer identification number's prefix (ISO/IEC 7812 ranges as the networks publish them). */
export function cardBrand(digits: string): CardBrand | null {
  const n = (length: number) => Number(digits.slice(0, length));
  if (/^4/.test(digits)) return 'Visa';
  if ((n(2) >= 51 && n(2) <= 55) || (n(4) >= 2221 && n(4) <= 2720)) return 'Mastercard';
  if (/^3[47]/.test(digits)) return 'American Express';
  if (n(4) >= 3528 && n(4) <= 3589) return 'JCB';
  if (/^3(0[0-5]|[68])/.test(digits)) return 'Diners Club';
  if (/^6(011|5|4[4-9])/.test(digits)) return 'Discover';
  if (/^62/.test(digits)) return 'UnionPay';
  if (/^9/.test(digits)) return 'Korean domestic';
  return null;
}

/** The first index where two strings differ, or -1. */
function firstDifference(a: string, b: string): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

/** A rule about one digit of the full number belongs on the box of the group that holds the digit. */
function onGroup(rule: RuleResult, result: CreditCardResult): RuleResult {
  if (rule.charIndex === undefined || rule.fieldId !== 'totalCardNum') return rule;
  let offset = 0;
  for (const [i, group] of result.cardNums.entries()) {
    const digits = group.value.replace(/\s/g, '');
    if (rule.charIndex < offset + digits.length)
      return { ...rule, fieldId: `cardNums.${i}`, key: 'cardNum', charIndex: rule.charIndex - offset };
    offset += digits.length;
  }
  return rule;
}

export function creditCardRules(result: CreditCardResult, today: Date): RuleResult[] {
  const total = result.totalCardNum.replace(/\s/g, '');
  const rules: RuleResult[] = [];
  const totalRule = (rule: string, pass: boolean, en: string, ko: string, charIndex?: number): RuleResult => ({
    rule,
    fieldId: 'totalCardNum',
    key: 'totalCardNum',
    outcome: pass ? 'pass' : 'fail',
    message: msg(en, ko),
    charIndex,
  });

  if (!/^\d{12,19}$/.test(total)) {
    const bad = total.search(/\D/);
    rules.push(
      totalRule(
        'card-number-digits',
        false,
        'The card number must be 12–19 digits.',
        '카드 번호는 숫자 12~19자리여야 합니다.',
        bad >= 0 ? bad : undefined,
      ),
    );
  } else {
    const luhn = luhnValid(total);
    // Luhn cannot say which digit is wrong; the check digit (the last) is where it is computed.
    rules.push(
      totalRule(
        'luhn',
        luhn,
        luhn ? 'Luhn check digit holds.' : 'Luhn check fails: a digit is misread.',
        luhn ? 'Luhn 검사 숫자가 맞습니다.' : 'Luhn 검사 실패: 잘못 읽은 숫자가 있습니다.',
        luhn ? undefined : total.length - 1,
      ),
    );
    const brand = cardBrand(total);
    rules.push({
      rule: 'brand',
      fieldId: 'totalCardNum',
      key: 'totalCardNum',
      outcome: brand ? 'info' : 'fail',
      message: brand
        ? msg(`Brand: ${brand}.`, `브랜드: ${brand}.`)
        : msg('The prefix belongs to no known card brand.', '알려진 카드 브랜드의 번호 앞자리가 아닙니다.'),
      charIndex: brand ? undefined : 0,
    });
  }
  const joined = result.cardNums.map((c) => c.value.replace(/\s/g, '')).join('');
  const diff = firstDifference(joined, total);
  rules.push(
    totalRule(
      'groups-agree',
      diff === -1,
      diff === -1
        ? 'The number groups make up the full number.'
        : `The number groups disagree with the full number at digit ${diff + 1}.`,
      diff === -1
        ? '번호 묶음을 이으면 전체 번호와 같습니다.'
        : `번호 묶음과 전체 번호가 ${diff + 1}번째 자리에서 다릅니다.`,
      diff === -1 ? undefined : diff,
    ),
  );

  if (!result.validThru) {
    rules.push({
      rule: 'present',
      fieldId: null,
      key: 'validThru',
      outcome: 'missing',
      message: msg('The expiry date is missing.', '유효 기간이 없습니다.'),
    });
  } else {
    const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(result.validThru.value.trim());
    const month = match ? Number(match[1]) : 0;
    if (!match || month < 1 || month > 12) {
      rules.push({
        rule: 'valid-thru-format',
        fieldId: 'validThru',
        key: 'validThru',
        outcome: 'fail',
        message: msg('Valid thru is not a real MM/YY.', '유효 기간이 올바른 MM/YY가 아닙니다.'),
        charIndex: match ? 0 : undefined,
      });
    } else {
      // A card is valid through the last day of its month.
      const year = 2000 + Number(match[2]);
      const expired = new Date(Date.UTC(year, month, 1)) <= today;
      rules.push({
        rule: 'expiry',
        fieldId: 'validThru',
        key: 'validThru',
        outcome: expired ? 'fail' : 'pass',
        message: expired
          ? msg(`Expired at the end of ${match[1]}/${year}.`, `${year}년 ${month}월 말에 만료되었습니다.`)
          : msg(`Valid until the end of ${match[1]}/${year}.`, `${year}년 ${month}월 말까지 유효합니다.`),
      });
    }
  }
  return rules.map((rule) => onGroup(rule, result));
}
