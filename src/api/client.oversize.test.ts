import { describe, expect, it } from 'vitest';
import { clientOver, failure, isPost } from '@/test-support/injected-fetch';
import { inProcessFetch, rig, sampleImage } from '@/test-support/sandbox-fixture';

// Issue 14: a proxy's HTML 413, or a 413 without CORS headers, is the size error, not "try again".
describe('an oversize upload refused in front of the service', () => {
  const html413 = '<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>';

  it("gives the size error for a proxy's HTML 413 page", async () => {
    const { sandbox } = rig();
    const proxy: typeof fetch = (input, init) =>
      isPost(input, init)
        ? Promise.resolve(new Response(html413, { status: 413, headers: { 'Content-Type': 'text/html' } }))
        : inProcessFetch(sandbox)(input, init);
    const error = await failure(clientOver(proxy).analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error).toMatchObject({
      kind: 'api',
      resultCode: 4131000,
      resultKey: 'MAX_UPLOAD_SIZE_EXCEEDED',
      status: 413,
    });
    expect(error.isConnectionProblem).toBe(false);
  });

  it('gives the size error when a body over 20 MB meets a network error (a 413 without CORS headers)', async () => {
    const { sandbox } = rig();
    const noCors: typeof fetch = (input, init) =>
      isPost(input, init) ? Promise.reject(new TypeError('Failed to fetch')) : inProcessFetch(sandbox)(input, init);
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    const error = await failure(clientOver(noCors).analyzeCreditCard({ bytes: big, fileName: 'image.jpg' }));
    expect(error).toMatchObject({ kind: 'api', resultCode: 4131000, resultKey: 'MAX_UPLOAD_SIZE_EXCEEDED' });
    expect(error.resultMessage).toMatch(/20\.0 MB/);
  });

  it('keeps calling a network error a network error when the body was within the limit', async () => {
    const { sandbox } = rig();
    const noCors: typeof fetch = (input, init) =>
      isPost(input, init) ? Promise.reject(new TypeError('Failed to fetch')) : inProcessFetch(sandbox)(input, init);
    const error = await failure(clientOver(noCors).analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error.kind).toBe('network');
  });
});
