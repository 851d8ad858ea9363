/** Progress of a batch: finished/total, throughput and an ETA, from the cards' start and finish times. */
export interface BatchProgress {
  /** Answered. */
  done: number;
  failed: number;
  /** Every card that was or will be sent: those being checked count from the moment they are dropped. */
  total: number;
  inFlight: number;
  /** Stopped by the operator before an answer; in the total, and sent again by a resume. */
  cancelled: number;
  /** Files preflight refused or the check before sending held: never sent, so outside the total. */
  notSent: number;
  /** Cards finished per minute of time spent working; null before any finishes. */
  perMinute: number | null;
  /** Seconds until the rest are done at that rate; null when nothing is in flight or the rate is unknown. */
  etaSeconds: number | null;
}

export interface TimedItem {
  status: string;
  startedAt?: number;
  finishedAt?: number;
}

const FINISHED = new Set(['done', 'failed']);
const COUNTED = new Set(['checking', 'queued', 'working', 'done', 'failed', 'cancelled']);

/**
 * Milliseconds in which at least one card was in flight: the union of each card's send, from its start
 * to its finish (or `now`). The time between drops, or while paused with nothing in flight, is not work.
 */
export function workingMs(items: readonly TimedItem[], now: number): number {
  const spans = items
    .filter((i) => i.startedAt !== undefined)
    .map((i) => [i.startedAt!, i.status === 'working' ? now : (i.finishedAt ?? i.startedAt!)] as const)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total;
}

export function batchProgress(items: readonly TimedItem[], now: number): BatchProgress {
  const counted = items.filter((i) => COUNTED.has(i.status));
  const count = (status: string) => counted.filter((i) => i.status === status).length;
  const finished = counted.filter((i) => FINISHED.has(i.status) && i.startedAt !== undefined).length;
  const minutes = workingMs(counted, now) / 60_000;
  const perMinute = finished > 0 && minutes > 0 ? finished / minutes : null;
  const [done, failed, cancelled, inFlight] = [count('done'), count('failed'), count('cancelled'), count('working')];
  const remaining = counted.length - done - failed - cancelled;
  return {
    done,
    failed,
    total: counted.length,
    inFlight,
    cancelled,
    notSent: items.filter((i) => i.status === 'rejected' || i.status === 'held').length,
    perMinute,
    etaSeconds: perMinute !== null && inFlight > 0 ? Math.round((remaining / perMinute) * 60) : null,
  };
}
