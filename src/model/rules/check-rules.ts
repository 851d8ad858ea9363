import type { CardResult, ViewerField } from '@/model/fields/result-fields';
import { creditCardRules } from './card-rules';
import { hiddenCharacterRules } from './hidden-rules';
import { idCardRules } from './id-rules';
import { markedChars, type RuleResult } from './rule-types';

/** Every rule for a result (card-rules.ts or id-rules.ts, then hidden characters), each tied to its field. */
export function checkRules(input: CardResult, fields: ViewerField[], today = new Date()): RuleResult[] {
  const rules =
    input.kind === 'credit-card' ? creditCardRules(input.result, today) : idCardRules(input.result, fields, today);
  return [...rules, ...hiddenCharacterRules(fields)];
}

export const isProblem = (r: RuleResult) => r.outcome === 'fail' || r.outcome === 'missing';

/** The characters failing rules name, per field, for marks under those characters on the box. */
export function charMarksByField(rules: RuleResult[]): Map<string, number[]> {
  const marks = new Map<string, number[]>();
  for (const r of rules) {
    const chars = markedChars(r);
    if (!r.fieldId || r.outcome !== 'fail' || chars.length === 0) continue;
    marks.set(r.fieldId, [...new Set([...(marks.get(r.fieldId) ?? []), ...chars])]);
  }
  return marks;
}

/** The worst outcome per field, for badges on boxes and marks on rows. */
export function badgesByField(rules: RuleResult[]): Map<string, 'fail' | 'info'> {
  const badges = new Map<string, 'fail' | 'info'>();
  for (const r of rules) {
    if (!r.fieldId) continue;
    if (r.outcome === 'fail') badges.set(r.fieldId, 'fail');
    else if (r.outcome === 'info' && !badges.has(r.fieldId)) badges.set(r.fieldId, 'info');
  }
  return badges;
}
