export { checkRules, isProblem, badgesByField } from './check-rules';
export { cardBrand, type CardBrand } from './card-rules';
export { residentBirthDate } from './id-rules';
export type { RuleOutcome, RuleResult } from './rule-types';
export { RulesPanel } from './rules-panel';
