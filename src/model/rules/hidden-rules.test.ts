import { describe, expect, it } from 'vitest';
import type { IdCardResult } from '@/api';
import { fieldsOf } from '@/model/fields/result-fields';
import { sample } from '@/test-support/sandbox-fixture';
import { checkRules } from './check-rules';

const today = new Date(Date.UTC(2026, 10, 25));

function driverWith(name: string) {
  const result = structuredClone(sample('id-driver.png').result as IdCardResult);
  result.keyValues.find((kv) => kv.key === 'name')!.value = name;
  const input = { kind: 'id-card' as const, result };
  return checkRules(input, fieldsOf(input), today).filter((r) => r.rule === 'hidden-characters');
}

describe('the hidden-characters rule', () => {
  it('fails a value that held an override or a zero-width character, saying which and where', () => {
    const [rule] = driverWith('\u202e홍길\u200b동');
    expect(rule).toMatchObject({ outcome: 'fail', key: 'name', fieldId: expect.stringMatching(/^keyValues\./) });
    expect(rule.message.en).toBe(
      'Held 2 invisible or direction-changing characters (U+202E RLO at the start, U+200B ZWSP after character 2), ' +
        'taken out of what is shown and exported.',
    );
    expect(rule.message.ko).toBe(
      '보이지 않거나 글자 방향을 바꾸는 문자 2개(맨 앞 U+202E RLO, 2번째 글자 뒤 U+200B ZWSP)가 있어 화면과 내보내기에서 뺐습니다.',
    );
  });

  it('names four and counts the rest', () => {
    const [rule] = driverWith('\u2066\u2067\u2068\u2069홍길동\u202a\u202c');
    expect(rule.message.en).toBe(
      'Held 6 invisible or direction-changing characters (U+2066 LRI at the start, U+2067 RLI at the start, ' +
        'U+2068 FSI at the start, U+2069 PDI at the start and 2 more), taken out of what is shown and exported.',
    );
  });

  it('leaves a clean value alone', () => {
    expect(driverWith('홍길동')).toEqual([]);
  });
});
