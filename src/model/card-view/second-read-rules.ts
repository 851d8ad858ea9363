import { msg, type RuleResult } from '@/model/rules/rule-types';
import type { SecondRead } from '@/model/second-read/second-read-types';
import { isKoreanKey } from '@/reader/korean/korean-keys';

export const SECOND_READ_RULE = 'secondRead';

/**
 * The second read as rules: a failing one on each field the device read differently, naming the
 * characters (a Hangul field's syllables) and carrying what the device read, so that it shows as a badge on
 * the box and a line in the rules panel like any other check.
 */
export function secondReadRules(read: SecondRead | undefined): RuleResult[] {
  if (read?.status !== 'read') return [];
  return read.fields.map(({ fieldId, key, device, differing }) => {
    const where = differing.map((i) => i + 1).join(', ');
    if (device === null)
      return {
        rule: SECOND_READ_RULE,
        fieldId,
        key,
        outcome: 'info',
        message: msg('Not made out on this device: not checked.', '이 기기에서 알아보지 못해 확인하지 않았습니다.'),
      };
    return differing.length === 0
      ? {
          rule: SECOND_READ_RULE,
          fieldId,
          key,
          outcome: 'pass',
          message: msg('This device read the same value.', '이 기기에서도 같은 값을 읽었습니다.'),
        }
      : {
          rule: SECOND_READ_RULE,
          fieldId,
          key,
          outcome: 'fail',
          message: isKoreanKey(key)
            ? msg(
                `This device read it differently (syllable ${where}). Check the card.`,
                `이 기기에서 다르게 읽었습니다(${where}번째 음절). 카드를 확인하세요.`,
              )
            : msg(
                `This device read it differently (character ${where}). Check the card.`,
                `이 기기에서 다르게 읽었습니다(${where}번째 글자). 카드를 확인하세요.`,
              ),
          charIndex: differing[0],
          charIndexes: differing,
          seen: device,
        };
  });
}
