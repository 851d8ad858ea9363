import { describe, expect, it } from 'vitest';
import { batchProgress, workingMs } from './batch-stats';

const MINUTE = 60_000;

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
    expect(p).toMatchObject({ done: 1, failed: 1, total: 4, inFlight: 1, notSent: 1, cancelled: 0 });
    expect(p.perMinute).toBe(2);
    expect(p.etaSeconds).toBe(60);
  });

  it('counts files still being checked in the total from the moment they are dropped, with no ETA yet', () => {
    const dropped = Array.from({ length: 6 }, () => ({ status: 'checking' }));
    expect(batchProgress(dropped, 0)).toMatchObject({ done: 0, total: 6, perMinute: null, etaSeconds: null });
    const halfChecked = [...dropped.slice(0, 3), { status: 'queued' }, { status: 'working', startedAt: 0 }];
    expect(batchProgress(halfChecked, 100).total).toBe(5);
  });

  it('has no rate or ETA before anything finishes, and no ETA once nothing is in flight', () => {
    expect(batchProgress([{ status: 'working', startedAt: 0 }], 1000)).toMatchObject({
      perMinute: null,
      etaSeconds: null,
    });
    expect(batchProgress([], 0).etaSeconds).toBeNull();
    const finished = [{ status: 'done', startedAt: 0, finishedAt: MINUTE }];
    expect(batchProgress(finished, MINUTE).etaSeconds).toBeNull();
    // Paused with cards waiting: nothing runs, so no time is left to count down.
    expect(batchProgress([...finished, { status: 'queued' }], 2 * MINUTE)).toMatchObject({
      perMinute: 1,
      etaSeconds: null,
    });
  });

  it('measures the rate over time spent working: idle time between drops does not count', () => {
    // Two cards in 6 s, then ten minutes of nothing.
    const first = [
      { status: 'done', startedAt: 0, finishedAt: 3_000 },
      { status: 'done', startedAt: 3_000, finishedAt: 6_000 },
    ];
    expect(batchProgress(first, 6_000).perMinute).toBe(20);
    expect(batchProgress(first, 10 * MINUTE).perMinute).toBe(20);
    // A second drop of three: one in flight for a second, two waiting. At 20 a minute, 9 s left.
    const second = [
      ...first,
      { status: 'working', startedAt: 10 * MINUTE },
      { status: 'queued' },
      { status: 'queued' },
    ];
    const p = batchProgress(second, 10 * MINUTE + 1_000);
    expect(p.perMinute).toBeCloseTo(2 / (7 / 60), 5);
    expect(p.etaSeconds).toBe(Math.round((3 / (2 / (7 / 60))) * 60));
    expect(p.etaSeconds).toBeLessThan(15);
  });

  it('counts time with several cards in flight once', () => {
    const spans = [
      { status: 'done', startedAt: 0, finishedAt: 4_000 },
      { status: 'done', startedAt: 1_000, finishedAt: 3_000 },
      { status: 'failed', startedAt: 3_500, finishedAt: 5_000 },
      { status: 'working', startedAt: 9_000 },
      { status: 'queued' },
    ];
    expect(workingMs(spans, 10_000)).toBe(5_000 + 1_000);
  });

  it('counts cancelled cards in the total, not as finished', () => {
    const p = batchProgress(
      [
        { status: 'done', startedAt: 0, finishedAt: 1_000 },
        { status: 'cancelled', startedAt: 1_000, finishedAt: 1_500 },
        { status: 'cancelled' },
      ],
      2_000,
    );
    expect(p).toMatchObject({ done: 1, failed: 0, cancelled: 2, total: 3, etaSeconds: null });
  });
});
