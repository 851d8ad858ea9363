import type { AnalysisKind } from '@/api';
import type { ResultSummary } from '@/model/card-view/card-view';
import type { ItemStatus, QueueItem } from './queue-item';

// How the batch table is filtered and sorted. The rows themselves (result-rows.ts) need what each card
// read, and come with the table's code; the first screen needs only the default order.

export type RowFilter = 'all' | 'below-threshold' | 'rule-failure' | 'failed' | 'disagree';
export type SortKey = 'order' | 'file' | 'service' | 'idType' | 'fields' | 'lowest' | 'rules' | 'status';

export interface Row {
  id: string;
  order: number;
  file: string;
  service: AnalysisKind;
  status: ItemStatus;
  summary?: ResultSummary;
}

export interface TableView {
  filter: RowFilter;
  sort: { key: SortKey; descending: boolean };
}

export const DEFAULT_TABLE_VIEW: TableView = { filter: 'all', sort: { key: 'order', descending: false } };

/** The cards in the order they were added: the table's order under DEFAULT_TABLE_VIEW, before its code is loaded. */
export function queueOrder(items: readonly QueueItem[]): string[] {
  return [...items].sort((a, b) => a.order - b.order).map((item) => item.id);
}
