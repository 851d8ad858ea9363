// The batch table's chunk, loaded through index.ts, with the virtualiser and the rows' summaries.
export { BatchPanel } from './batch-panel';
export { tableRows } from '@/engine/queue/result-rows';
export { RepeatsDialog } from './repeats-dialog';
