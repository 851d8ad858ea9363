import type { QueueItem } from './queue/queue-item';
import type { Row, TableView } from './queue/table-view';

type TableRows = (items: readonly QueueItem[], view: TableView, threshold: number) => Row[];

const sameOrder = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/** The cards in the order they were added. */
const dropOrder = (items: readonly QueueItem[]) => [...items].sort((a, b) => a.order - b.order).map((i) => i.id);

/**
 * The one order of cards: the batch table's rows, filtered and sorted by its view, which `]` and `[`
 * walk too, whether or not the table is on screen. The rows need what each card read, so their code
 * comes later: until it is here, the order is the one the cards came in, which is also the table's
 * default. Computed again only when the cards, the view or the threshold change.
 */
export function tableOrder(rows: () => TableRows | null) {
  let last: { items: readonly QueueItem[]; view: TableView; threshold: number; code: TableRows | null } | null = null;
  let result: { rows: readonly Row[] | null; order: readonly string[] } = { rows: null, order: [] };
  return (items: readonly QueueItem[], view: TableView, threshold: number) => {
    const code = rows();
    if (last && last.items === items && last.view === view && last.threshold === threshold && last.code === code)
      return result;
    last = { items, view, threshold, code };
    const table = code ? code(items, view, threshold) : null;
    const order = table ? table.map((row) => row.id) : dropOrder(items);
    // The same order as before is the same array, so that a card's progress does not redraw its readers.
    result = { rows: table, order: sameOrder(order, result.order) ? result.order : order };
    return result;
  };
}
