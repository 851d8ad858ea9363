import { describe, expect, it } from 'vitest';
import { batchProgress } from './batch-stats';

describe('batch progress', () => {
  it('counts done, failed and in flight, leaving rejected files out of the total', () => {
    const p = batchProgress(
      [
        { status: 'done', startedAt: 0, finishedAt: 30_000 },
        { status: 'failed', startedAt: 0, finishedAt: 60_000 },
        { status: 'working', startedAt: 30_000 },
        { status: 'queued' },
        { status: 'rejected' },
      ],
      60_000,
    );
    expect(p).toMatchObject({ done: 1, failed: 1, total: 4, inFlight: 1, notSent: 1 });
    expect(p.perMinute).toBe(2);
    expect(p.etaSeconds).toBe(60);
  });

  it('has no rate or ETA before anything finishes, and an ETA of 0 when all are done', () => {
    expect(batchProgress([{ status: 'working', startedAt: 0 }], 1000)).toMatchObject({
      perMinute: null,
      etaSeconds: null,
    });
    expect(batchProgress([], 0).etaSeconds).toBe(0);
  });
});
