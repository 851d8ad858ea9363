import { cardView } from '@/model/card-view/card-view';
import type { QueueItem } from './queue-item';
import type { Row, RowFilter, SortKey, TableView } from './table-view';

const NO_ANSWER = new Set<Row['status']>(['failed', 'rejected', 'held', 'cancelled']);

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
      // Every card that ended without an answer: a cancelled one was not sent, or not answered, either.
      return rows.filter((r) => NO_ANSWER.has(r.status));
    case 'disagree':
      return rows.filter((r) => r.summary?.disagrees === true);
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

// The rows are worked out again whenever any card changes, and a batch has a thousand: each card's
// summary is kept with its answer, and made again only when the answer or its second read changes.
const summaries = new WeakMap<object, { secondRead: QueueItem['secondRead']; summary: Row['summary'] }>();
function summaryOf({ outcome, secondRead }: QueueItem): Row['summary'] {
  if (!outcome) return undefined;
  const kept = summaries.get(outcome);
  if (kept && kept.secondRead === secondRead) return kept.summary;
  const summary = cardView(outcome, secondRead).summary;
  summaries.set(outcome, { secondRead, summary });
  return summary;
}

/** The batch table's rows in its order: also the order `]` and `[` step through, table shown or not. */
export function tableRows(items: readonly QueueItem[], view: TableView, threshold: number): Row[] {
  const all: Row[] = items.map((i) => ({
    id: i.id,
    order: i.order,
    file: i.file.name,
    service: i.kind,
    status: i.status,
    summary: summaryOf(i),
  }));
  return sortRows(filterRows(all, view.filter, threshold), view.sort.key, view.sort.descending);
}
