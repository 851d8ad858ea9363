import { constants, createCipheriv, createDecipheriv, createPublicKey, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rig, sampleImage } from '@/test-support/sandbox-fixture';

// The sandbox's server side, fed by node:crypto (OpenSSL) instead of our envelope.
async function setup() {
  const { sandbox } = rig();
  const keyResponse = await sandbox.fetch(
    new Request('https://sandbox.test/v2.0/appkeys/sandbox/public-keys/credit-card', {
      headers: { Authorization: 'sandbox' },
    }),
  );
  const { result } = (await keyResponse.json()) as { result: { key: string; version: string } };
  const publicKey = createPublicKey({ key: Buffer.from(result.key, 'base64'), format: 'der', type: 'spki' });
  return { sandbox, publicKey, version: result.version };
}

function aes(key: Buffer, data: Buffer, padding = true): Buffer {
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(padding);
  return Buffer.concat([cipher.update(data), cipher.final()]);
}

function post(version: string, wrapped: Buffer, imageCipher: Buffer): Request {
  const form = new FormData();
  form.append('image', new Blob([new Uint8Array(imageCipher)]), 'card.png');
  return new Request('https://sandbox.test/v2.0/appkeys/sandbox/credit-card', {
    method: 'POST',
    headers: { Authorization: 'sandbox', 'X-Key-Version': version, 'Symmetric-Key': wrapped.toString('base64') },
    body: form,
  });
}

const resultCodeOf = async (response: Response) =>
  ((await response.json()) as { header: { resultCode: number } }).header.resultCode;

describe('the sandbox against OpenSSL', () => {
  it('decrypts what node:crypto wraps with RSA_PKCS1_PADDING and encrypts with createCipheriv', async () => {
    const { sandbox, publicKey, version } = await setup();
    const key = randomBytes(32);
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, key);
    const response = await sandbox.fetch(
      post(version, wrapped, aes(key, Buffer.from(sampleImage('credit-card.png').bytes))),
    );
    const body = (await response.json()) as { header: { resultCode: number }; result: { totalCardNum: string } };
    expect(body.header.resultCode).toBe(0);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    const total = Buffer.concat([
      decipher.update(Buffer.from(body.result.totalCardNum, 'base64')),
      decipher.final(),
    ]).toString('utf8');
    expect(total).toBe('4111111111111111');
  });

  function rawWrap(publicKey: ReturnType<typeof createPublicKey>, em: Buffer): Buffer {
    return publicEncrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, em);
  }
  function encodedMessage({
    type = 2,
    psLength = 256 - 3 - 32,
    message = randomBytes(32),
    zeroInPs = false,
  } = {}): Buffer {
    const ps = Buffer.alloc(psLength, 0x5a);
    if (zeroInPs) ps[3] = 0;
    return Buffer.concat([Buffer.from([0, type]), ps, Buffer.from([0]), message]);
  }

  it.each([
    ['block type 01', { type: 1 }],
    ['padding string of 7 bytes', { psLength: 7, message: randomBytes(256 - 3 - 7) }],
    ['a 31-byte key', { psLength: 256 - 3 - 31, message: randomBytes(31) }],
    ['a zero inside the padding, making the key too long', { zeroInPs: true }],
  ])('rejects a Symmetric-Key with %s as 4000302', async (_, shape) => {
    const { sandbox, publicKey, version } = await setup();
    const em = encodedMessage(shape);
    expect(em.length).toBe(256);
    const key = em.subarray(256 - 32);
    const response = await sandbox.fetch(post(version, rawWrap(publicKey, em), aes(key, Buffer.from('png'))));
    expect(await resultCodeOf(response)).toBe(4000302);
  });

  it('rejects a ciphertext of broken length and one with broken padding as 4000303', async () => {
    const { sandbox, publicKey, version } = await setup();
    const key = randomBytes(32);
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, key);
    const good = aes(key, Buffer.from(sampleImage('credit-card.png').bytes));
    const truncated = good.subarray(0, good.length - 1);
    expect(await resultCodeOf(await sandbox.fetch(post(version, wrapped, truncated)))).toBe(4000303);
    const badPadding = aes(key, Buffer.alloc(64, 0), false); // last plaintext byte 0x00 is no PKCS#7 padding
    expect(await resultCodeOf(await sandbox.fetch(post(version, wrapped, badPadding)))).toBe(4000303);
  });

  it('answers 4000301 for a stale key version and 4000005 without the envelope headers', async () => {
    const { sandbox, publicKey } = await setup();
    const key = randomBytes(32);
    const wrapped = publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, key);
    expect(await resultCodeOf(await sandbox.fetch(post('7', wrapped, aes(key, Buffer.from('x')))))).toBe(4000301);
    const bare = new Request('https://sandbox.test/v2.0/appkeys/sandbox/credit-card', {
      method: 'POST',
      headers: { Authorization: 'sandbox' },
    });
    expect(await resultCodeOf(await sandbox.fetch(bare))).toBe(4000005);
  });

  it('answers 4041007 with HTTP 200 for a path the API does not have', async () => {
    const { sandbox } = await setup();
    const response = await sandbox.fetch(
      new Request('https://sandbox.test/v2.0/appkeys/sandbox/business', { headers: { Authorization: 'sandbox' } }),
    );
    expect(response.status).toBe(200); // every answer is HTTP 200, as NHN documents (responses.ts)
    expect(await resultCodeOf(response)).toBe(4041007);
  });
});
