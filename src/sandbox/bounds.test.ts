import { describe, expect, it } from 'vitest';
import { REQUEST_KEY_TTL_MS } from '@/api/types';
import { rig, sampleImage } from '@/test-support/sandbox-fixture';

// The sandbox's log and Request-Key store stay bounded however long it runs: a demo left open all day
// must not grow without end.
describe('bounded sandbox state', () => {
  it('keeps only the last entries of its log', async () => {
    const { client, sandbox } = rig({ maxLogEntries: 5 });
    for (let i = 0; i < 8; i++) await client.getPublicKey('credit-card', { fresh: true });
    const log = sandbox.control.log();
    expect(log).toHaveLength(5);
    expect(log.every((entry) => entry.path.endsWith('/public-keys/credit-card'))).toBe(true);
  });

  it('keeps 1000 log entries by default', async () => {
    const { sandbox } = rig({ modulusLength: 1024 });
    const get = () =>
      sandbox.fetch(
        new Request('https://sandbox.test/v2.0/appkeys/sandbox/public-keys/id-card', {
          headers: { Authorization: 'sandbox' },
        }),
      );
    for (let i = 0; i < 1010; i++) await get();
    expect(sandbox.control.log()).toHaveLength(1000);
  });

  it('drops the oldest Request-Key past its cap: that one is refused, the newest still verifies', async () => {
    const { client, sandbox } = rig({ maxRequestKeys: 2 });
    const keys: string[] = [];
    for (let i = 0; i < 3; i++) keys.push((await client.analyzeIdCard(sampleImage('id-resident.png'))).requestKey!);
    expect(sandbox.control.requestKeyCount()).toBe(2);
    const fields = {
      idType: 'resident' as const,
      name: '홍길동',
      residentNumber: '9001011234568',
      issueDate: '20190304',
    };
    await expect(client.verifyAuthenticity(keys[0], fields)).rejects.toMatchObject({ resultCode: 4000122 });
    await expect(client.verifyAuthenticity(keys[2], fields)).resolves.toMatchObject({
      result: { isAuthenticity: true },
    });
  });

  it('sweeps expired Request-Keys when a new one is issued', async () => {
    let now = 1_000_000;
    const { client, sandbox } = rig({ now: () => now });
    await client.analyzeIdCard(sampleImage('id-resident.png'));
    await client.analyzeIdCard(sampleImage('id-driver.png'));
    expect(sandbox.control.requestKeyCount()).toBe(2);
    now += REQUEST_KEY_TTL_MS + 1;
    await client.analyzeIdCard(sampleImage('id-resident.png'));
    expect(sandbox.control.requestKeyCount()).toBe(1);
  });
});
