import { describe, expect, it } from 'vitest';
import { clientOver, failure, isPost } from '@/test-support/injected-fetch';
import { inProcessFetch, rig, sampleImage } from '@/test-support/sandbox-fixture';

// A 413, or a 413 without CORS headers, is a refusal for size, not "try again"; whose refusal it is
// depends on whether the upload was within the service's limit.
describe('an oversize upload refused in front of the service', () => {
  const html413 = '<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>';
  const nhn413 = JSON.stringify({ header: { isSuccessful: false, resultCode: 4131000, resultMessage: 'too big' } });
  /** The sandbox, behind a server that answers every upload with HTTP 413 and `body`. */
  const refusing = (body: string, type: string): typeof fetch => {
    const { sandbox } = rig();
    return (input, init) =>
      isPost(input, init)
        ? Promise.resolve(new Response(body, { status: 413, headers: { 'Content-Type': type } }))
        : inProcessFetch(sandbox)(input, init);
  };
  const over20MB = () => {
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    return { bytes: big, fileName: 'image.jpg' };
  };

  it.each([
    ['an HTML page', html413, 'text/html'],
    ["the service's own JSON", nhn413, 'application/json'],
  ])(
    'blames a server in between, with the size, for a 413 with %s for an image within the limit',
    async (_, body, type) => {
      const image = sampleImage('credit-card.png');
      const error = await failure(clientOver(refusing(body, type)).analyzeCreditCard(image));
      expect(error).toMatchObject({ kind: 'too-large-for-proxy', status: 413, uploadBytes: image.bytes.length });
      expect(error.resultCode).toBeUndefined();
      expect(error.message).toMatch(/client_max_body_size/);
      expect(error.message).not.toMatch(/20(\.0)? MB/);
      expect(error.isConnectionProblem).toBe(false);
    },
  );

  it.each([
    [
      'an HTML page',
      html413,
      'text/html',
      'HTTP 413 from a gateway or proxy in front of the service, with no result header.',
    ],
    ["the service's own JSON", nhn413, 'application/json', 'too big'],
  ])('gives the size error for a 413 with %s for an image over the limit', async (_, body, type, resultMessage) => {
    const error = await failure(clientOver(refusing(body, type)).analyzeCreditCard(over20MB()));
    expect(error).toMatchObject({
      kind: 'api',
      resultCode: 4131000,
      resultKey: 'MAX_UPLOAD_SIZE_EXCEEDED',
      resultMessage,
      status: 413,
    });
  });

  it('gives the size error when a body over 20 MB meets a network error (a 413 without CORS headers)', async () => {
    const { sandbox } = rig();
    const noCors: typeof fetch = (input, init) =>
      isPost(input, init) ? Promise.reject(new TypeError('Failed to fetch')) : inProcessFetch(sandbox)(input, init);
    const error = await failure(clientOver(noCors).analyzeCreditCard(over20MB()));
    expect(error).toMatchObject({ kind: 'api', resultCode: 4131000, resultKey: 'MAX_UPLOAD_SIZE_EXCEEDED' });
    expect(error.resultMessage).toMatch(/the request body was [\d.]+ MB, over the service's 20 MB limit/);
  });

  it('keeps calling a network error a network error when the body was within the limit', async () => {
    const { sandbox } = rig();
    const noCors: typeof fetch = (input, init) =>
      isPost(input, init) ? Promise.reject(new TypeError('Failed to fetch')) : inProcessFetch(sandbox)(input, init);
    const error = await failure(clientOver(noCors).analyzeCreditCard(sampleImage('credit-card.png')));
    expect(error.kind).toBe('network');
  });
});
