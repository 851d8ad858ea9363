import { describe, expect, it } from 'vitest';
import { clientOver, failure, isPost, wait } from '@/test-support/injected-fetch';
import { inProcessFetch, rig, sampleImage } from '@/test-support/sandbox-fixture';
import { requestTimeoutMs } from './transport';

// A big card on a slow link must be able to finish: the timeout leaves time for the upload.
describe('the timeout leaves time for the upload', () => {
  it('grows with the body at 256 kbit/s: a 20 MB card gets its upload time on top of the wait', () => {
    expect(requestTimeoutMs(60_000, 0)).toBe(60_000);
    const twentyMb = 20 * 1024 * 1024;
    // 20 MiB at 256 kbit/s is about 655 s: the wait for the answer comes on top.
    expect(requestTimeoutMs(60_000, twentyMb)).toBe(60_000 + Math.ceil((twentyMb * 8 * 1000) / 256_000));
  });

  it('lets a card finish whose upload outlasts the base timeout', async () => {
    const { client, sandbox } = rig();
    await client.getPublicKey('credit-card'); // the sandbox makes its keys now, not within the timeout
    const slowUpload: typeof fetch = async (input, init) => {
      // A ~730 kB card over a slow link (about 23 s allowed): the answer comes well after the base timeout.
      if (isPost(input, init)) await wait(3_000, init?.signal);
      return inProcessFetch(sandbox)(input, init);
    };
    const analysis = await clientOver(slowUpload, 1_000).analyzeCreditCard(sampleImage('credit-card.png'));
    expect(analysis.result.cardNums.length).toBeGreaterThan(0);
  });

  it('still times out a request with no body at the base timeout', async () => {
    const { sandbox } = rig();
    const slow: typeof fetch = async (input, init) => {
      await wait(600, init?.signal);
      return inProcessFetch(sandbox)(input, init);
    };
    const error = await failure(clientOver(slow, 200).getPublicKey('credit-card'));
    expect(error.kind).toBe('timeout');
  });
});
