export { checkRules, isProblem, badgesByField, charMarksByField } from './check-rules';
export { cardBrand, type CardBrand } from './card-rules';
export { residentBirthDate } from './id-rules';
export { msg, type RuleOutcome, type RuleResult } from './rule-types';
export { RulesPanel } from './rules-panel';
