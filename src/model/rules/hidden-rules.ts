import type { ViewerField } from '@/model/fields/result-fields';
import { hiddenName } from '@/lib/hidden-characters';
import { msg, type RuleResult } from './rule-types';

/** Named one by one up to this many; more are counted. */
const NAMED = 4;

/**
 * A value that held characters which draw nothing or reorder the text around them: they were taken out
 * of what is shown and exported (result-fields.ts), and this rule says which, and where they sat.
 */
export function hiddenCharacterRules(fields: readonly ViewerField[]): RuleResult[] {
  return fields.flatMap((field) => {
    const hidden = field.hidden ?? [];
    if (hidden.length === 0) return [];
    const named = hidden.slice(0, NAMED);
    const more = hidden.length - named.length;
    const en = named.map((h) => `${hiddenName(h.code)} ${h.after ? `after character ${h.after}` : 'at the start'}`);
    const ko = named.map((h) => `${h.after ? `${h.after}번째 글자 뒤` : '맨 앞'} ${hiddenName(h.code)}`);
    return [
      {
        rule: 'hidden-characters',
        fieldId: field.id,
        key: field.key,
        outcome: 'fail',
        message: msg(
          `Held ${hidden.length} invisible or direction-changing character${hidden.length > 1 ? 's' : ''} ` +
            `(${en.join(', ')}${more ? ` and ${more} more` : ''}), taken out of what is shown and exported.`,
          `보이지 않거나 글자 방향을 바꾸는 문자 ${hidden.length}개` +
            `(${ko.join(', ')}${more ? ` 외 ${more}개` : ''})가 있어 화면과 내보내기에서 뺐습니다.`,
        ),
      },
    ];
  });
}
