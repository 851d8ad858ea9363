import { describe, expect, it } from 'vitest';
import { rig, sampleImage } from '@/test-support/sandbox-fixture';

describe('sandbox latency', () => {
  it('is how long a request takes to answer, its own work included: no answer comes sooner', async () => {
    const waits: { ms: number; done: () => void }[] = [];
    const { client, sandbox } = rig({
      sleep: (ms) => new Promise<void>((done) => waits.push({ ms, done })),
      faults: { latencyMs: 150 },
    });
    const answered = client.analyzeCreditCard(sampleImage('credit-card.png'));
    let settled = false;
    void answered.then(() => (settled = true));

    // The public key, then the analysis: each waits out its latency once, and not before it is answered.
    for (const expected of [1, 2]) {
      await expect.poll(() => waits.length, { timeout: 20_000 }).toBe(expected);
      expect(waits[expected - 1].ms).toBe(150);
      // However long the sandbox is given, nothing is answered while the wait is pending.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(sandbox.control.log()).toHaveLength(expected - 1);
      expect(settled).toBe(false);
      waits[expected - 1].done();
    }
    await answered;
    expect(sandbox.control.log().map((entry) => entry.status)).toEqual([200, 200]);
  });
});
