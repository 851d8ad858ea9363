import { describe, expect, it } from 'vitest';
import { clientOver, failure } from '@/test-support/injected-fetch';
import { inProcessFetch, rig } from '@/test-support/sandbox-fixture';
import { MAX_RESPONSE_BYTES } from './transport';

// A huge or endless body from a wrong endpoint ends as a typed error, in bounded memory.
describe('the response body has a size cap', () => {
  it('ends an endless body as a typed error, cancelling the stream past the cap', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        // Only a safety net, so that a client without the cap cannot eat the machine's memory.
        if (pulled > 8 * MAX_RESPONSE_BYTES) controller.error(new Error('the client never stopped reading'));
        else controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const wrongEndpoint: typeof fetch = () => Promise.resolve(new Response(endless, { status: 200 }));
    const error = await failure(clientOver(wrongEndpoint, 30_000).getPublicKey('credit-card'));
    expect(error.kind).toBe('malformed-response');
    expect(error.message).toMatch(/more than 8 MB/);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(MAX_RESPONSE_BYTES + 2 * chunk.length);
  });

  it('still reads an answer of ordinary size that arrives in many chunks', async () => {
    const { sandbox } = rig();
    const chunked: typeof fetch = async (input, init) => {
      const response = await inProcessFetch(sandbox)(input, init);
      const bytes = new Uint8Array(await response.arrayBuffer());
      let at = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (at >= bytes.length) return controller.close();
          controller.enqueue(bytes.subarray(at, (at += 7)));
        },
      });
      return new Response(body, { status: response.status, headers: response.headers });
    };
    const key = await clientOver(chunked).getPublicKey('id-card');
    expect(key.version).toBe('0');
  });
});
