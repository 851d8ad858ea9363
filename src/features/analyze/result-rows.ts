import type { AnalysisKind, AnalysisOutcome } from '@/api';
import { fieldsOf, type AnyResult } from '@/features/fields/result-fields';
import { checkRules, isProblem } from '@/features/rules/check-rules';
import type { ItemStatus } from './use-analysis-queue';

/** What the results table shows of one analysed card. */
export interface ResultSummary {
  idType: string | null;
  fieldCount: number;
  lowestConf: number | null;
  ruleFailures: number;
}

export function anyResultOf(outcome: AnalysisOutcome): AnyResult {
  return outcome.kind === 'credit-card'
    ? { kind: 'credit-card', result: outcome.result }
    : { kind: 'id-card', result: outcome.result };
}

export function summarise(outcome: AnalysisOutcome, today = new Date()): ResultSummary {
  const result = anyResultOf(outcome);
  const fields = fieldsOf(result);
  const confs = fields.map((f) => f.conf).filter((c): c is number => c !== null);
  return {
    idType: result.kind === 'id-card' ? result.result.idType : null,
    fieldCount: fields.length,
    lowestConf: confs.length ? Math.min(...confs) : null,
    ruleFailures: checkRules(result, fields, today).filter(isProblem).length,
  };
}

export type RowFilter = 'all' | 'below-threshold' | 'rule-failure' | 'failed';
export type SortKey = 'order' | 'file' | 'service' | 'idType' | 'fields' | 'lowest' | 'rules' | 'status';

export interface Row {
  id: string;
  order: number;
  file: string;
  service: AnalysisKind;
  status: ItemStatus;
  summary?: ResultSummary;
}

export function filterRows(rows: readonly Row[], filter: RowFilter, threshold: number): Row[] {
  switch (filter) {
    case 'all':
      return [...rows];
    case 'below-threshold':
      return rows.filter(
        (r) =>
          r.summary?.lowestConf !== null && r.summary?.lowestConf !== undefined && r.summary.lowestConf < threshold,
      );
    case 'rule-failure':
      return rows.filter((r) => (r.summary?.ruleFailures ?? 0) > 0);
    case 'failed':
      return rows.filter((r) => r.status === 'failed' || r.status === 'rejected');
  }
}

const sortValue: Record<SortKey, (r: Row) => string | number> = {
  order: (r) => r.order,
  file: (r) => r.file.toLowerCase(),
  service: (r) => r.service,
  idType: (r) => r.summary?.idType ?? '',
  fields: (r) => r.summary?.fieldCount ?? -1,
  lowest: (r) => r.summary?.lowestConf ?? 2,
  rules: (r) => r.summary?.ruleFailures ?? -1,
  status: (r) => r.status,
};

export function sortRows(rows: readonly Row[], key: SortKey, descending: boolean): Row[] {
  const value = sortValue[key];
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const [x, y] = [value(a), value(b)];
    return (x < y ? -1 : x > y ? 1 : a.order - b.order) * sign;
  });
}
