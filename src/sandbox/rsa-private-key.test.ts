import { constants, createPublicKey, generateKeyPairSync, publicEncrypt, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePublicKey } from '@/envelope';
import rsaVectors from '@/envelope/test-vectors/wycheproof-rsa_pkcs1_2048_test.json';
import { generateRsaKeyPair, privateKeyFromJwk, unwrapPkcs1v15 } from './rsa-private-key';

const spkiOf = (base64: string) => createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

describe('strict RSAES-PKCS1-v1_5 unwrapping (Wycheproof, 2048 bits)', () => {
  const cases = rsaVectors.testGroups.flatMap((group) => group.tests.map((t) => ({ group, t })));

  for (const { group, t } of cases) {
    it(`#${t.tcId} ${t.result}: ${t.comment}`, () => {
      const key = privateKeyFromJwk(group.privateKeyJwk);
      const message = unwrapPkcs1v15(key, hex(t.ct));
      if (t.result === 'valid') expect(Buffer.from(message!).toString('hex')).toBe(t.msg);
      else expect(message).toBeNull();
    });
  }
});

describe('the sandbox key pair', () => {
  it('unwraps what OpenSSL wraps under its public key, and only 32-byte keys when asked', async () => {
    const pair = await generateRsaKeyPair(2048);
    for (let i = 0; i < 20; i++) {
      const key = randomBytes(32);
      const wrapped = publicEncrypt({ key: spkiOf(pair.publicKeyBase64), padding: constants.RSA_PKCS1_PADDING }, key);
      expect(Buffer.from(unwrapPkcs1v15(pair.privateKey, new Uint8Array(wrapped), 32)!).equals(key)).toBe(true);
    }
    const short = publicEncrypt(
      { key: spkiOf(pair.publicKeyBase64), padding: constants.RSA_PKCS1_PADDING },
      randomBytes(16),
    );
    expect(unwrapPkcs1v15(pair.privateKey, new Uint8Array(short), 32)).toBeNull();
  });

  it('makes only keys within the client’s bounds, and refuses to make one outside them', async () => {
    const pair = await generateRsaKeyPair();
    expect(parsePublicKey(pair.publicKeyBase64)).toMatchObject({ bits: 2048, e: 65537n });
    await expect(generateRsaKeyPair(512)).rejects.toThrow('RSA modulus is 512 bits, not 1024 to 4096');
  });

  it('reads a JWK exported by node:crypto', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const key = privateKeyFromJwk(privateKey.export({ format: 'jwk' }));
    expect(key.k).toBe(128);
    expect(key.e).toBe(65537n);
  });
});
