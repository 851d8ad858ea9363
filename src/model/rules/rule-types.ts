import type { Localised } from '@/api';

export type RuleOutcome = 'pass' | 'fail' | 'info' | 'missing';

/** One check on one field, drawn as a badge on its box and its row. */
export interface RuleResult {
  rule: string;
  /** The viewer field it concerns (ViewerField.id), or null for a field the result lacks. */
  fieldId: string | null;
  key: string;
  outcome: RuleOutcome;
  message: Localised;
  /** Index of the offending character in the field's value, where one can be named. */
  charIndex?: number;
  /** Every offending character, where there are several; `charIndex` is the first of them. */
  charIndexes?: number[];
  /**
   * What another reader (this device's second read) made of the field, shown beside its value so that a
   * reviewer can tell which to believe; masked as the value is.
   */
  seen?: string;
}

export const msg = (en: string, ko: string): Localised => ({ en, ko });

/** The characters a rule names: all of them where it gives several, else its one, else none. */
export const markedChars = (rule: RuleResult): number[] =>
  rule.charIndexes ?? (rule.charIndex === undefined ? [] : [rule.charIndex]);
