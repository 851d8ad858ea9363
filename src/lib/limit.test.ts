import { describe, expect, it } from 'vitest';
import { limit } from './limit';

describe('limit', () => {
  it('runs no more than the limit at once, in order, and survives failures', async () => {
    const run = limit(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.allSettled(
      Array.from({ length: 7 }, (_, i) =>
        run(async () => {
          started.push(i);
          active++;
          peak = Math.max(peak, active);
          await new Promise((resolve) => setTimeout(resolve, 5 + (i % 3)));
          active--;
          if (i === 3) throw new Error('task 3 fails');
          return i * 10;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'failed'))).toEqual([
      0,
      10,
      20,
      'failed',
      40,
      50,
      60,
    ]);
  });
});
