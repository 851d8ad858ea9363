import type { AnalysisOutcome, ImageQuad } from '@/api';
import { extraBoxesOf, fieldsOf, type ViewerField } from '@/model/fields/result-fields';
import { badgesByField, charMarksByField, checkRules, isProblem } from '@/model/rules/check-rules';
import type { RuleResult } from '@/model/rules/rule-types';
import { hasDisagreement, type SecondRead } from '@/model/second-read/second-read-types';
import { secondReadRules } from './second-read-rules';

/** What the results table shows of one analysed card. */
export interface ResultSummary {
  idType: string | null;
  fieldCount: number;
  lowestConf: number | null;
  ruleFailures: number;
  /** The device's second read differs from NHN's on some digit field. */
  disagrees: boolean;
}

/** Everything the screens and exports derive from one outcome, derived once. */
export interface CardView {
  outcome: AnalysisOutcome;
  fields: ViewerField[];
  extras: ImageQuad[];
  rules: RuleResult[];
  /** The worst rule outcome per field id, for badges on boxes and marks on rows. */
  badges: Map<string, 'fail' | 'info'>;
  /** The characters failing rules name, by field id: marked under the box. */
  charMarks: Map<string, number[]>;
  /** What the device's second read saw in each field it read differently, by field id: shown beside the value. */
  deviceReads: Map<string, string>;
  /** Field ids with a failing rule. */
  flagged: ReadonlySet<string>;
  /** Keys the result should have and lacks. */
  missing: string[];
  summary: ResultSummary;
}

export function buildCardView(outcome: AnalysisOutcome, today = new Date(), secondRead?: SecondRead): CardView {
  const fields = fieldsOf(outcome);
  const rules = [...checkRules(outcome, fields, today), ...secondReadRules(secondRead)];
  const badges = badgesByField(rules);
  const confs = fields.map((f) => f.conf).filter((c): c is number => c !== null);
  return {
    outcome,
    fields,
    extras: extraBoxesOf(outcome),
    rules,
    badges,
    charMarks: charMarksByField(rules),
    deviceReads: new Map(rules.flatMap((r) => (r.fieldId && r.seen !== undefined ? [[r.fieldId, r.seen]] : []))),
    flagged: new Set([...badges].filter(([, kind]) => kind === 'fail').map(([id]) => id)),
    missing: rules.filter((r) => r.outcome === 'missing').map((r) => r.key),
    summary: {
      idType: outcome.kind === 'credit-card' ? null : outcome.result.idType,
      fieldCount: fields.length,
      lowestConf: confs.length ? Math.min(...confs) : null,
      ruleFailures: rules.filter(isProblem).length,
      disagrees: hasDisagreement(secondRead),
    },
  };
}

// Outcomes and second reads are immutable once made, so one view per outcome object (or per second
// read of it) serves every screen, and memos keyed on the view's parts stay valid across renders.
const views = new WeakMap<AnalysisOutcome | SecondRead, CardView>();

export function cardView(outcome: AnalysisOutcome, secondRead?: SecondRead): CardView {
  const key = secondRead?.status === 'read' ? secondRead : outcome;
  let view = views.get(key);
  if (!view) views.set(key, (view = buildCardView(outcome, undefined, key === outcome ? undefined : secondRead)));
  return view;
}

export const summarise = (outcome: AnalysisOutcome, today?: Date): ResultSummary =>
  buildCardView(outcome, today).summary;
