/** Progress of a batch: done/total, throughput and an ETA, from completion times alone. */
export interface BatchProgress {
  done: number;
  failed: number;
  total: number;
  inFlight: number;
  /** Files preflight refused: never sent, so outside the total. */
  notSent: number;
  /** Cards finished per minute since the first one started; null before any finishes. */
  perMinute: number | null;
  /** Seconds until the rest are done at the current rate; null when unknown. */
  etaSeconds: number | null;
}

export interface TimedItem {
  status: string;
  startedAt?: number;
  finishedAt?: number;
}

const FINISHED = new Set(['done', 'failed']);
const COUNTED = new Set(['queued', 'working', 'done', 'failed']);

export function batchProgress(items: readonly TimedItem[], now: number): BatchProgress {
  const counted = items.filter((i) => COUNTED.has(i.status));
  const finished = counted.filter((i) => FINISHED.has(i.status) && i.finishedAt !== undefined);
  const starts = counted.map((i) => i.startedAt).filter((t): t is number => t !== undefined);
  const first = starts.length ? Math.min(...starts) : undefined;
  const elapsedMinutes = first === undefined ? 0 : (now - first) / 60_000;
  const perMinute = finished.length > 0 && elapsedMinutes > 0 ? finished.length / elapsedMinutes : null;
  const remaining = counted.length - finished.length;
  return {
    done: counted.filter((i) => i.status === 'done').length,
    failed: counted.filter((i) => i.status === 'failed').length,
    total: counted.length,
    inFlight: counted.filter((i) => i.status === 'working').length,
    notSent: items.filter((i) => i.status === 'rejected' || i.status === 'held').length,
    perMinute,
    etaSeconds: perMinute ? Math.round((remaining / perMinute) * 60) : remaining === 0 ? 0 : null,
  };
}
