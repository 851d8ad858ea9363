import { constants, createPrivateKey, privateDecrypt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvelopeError } from '@/envelope';
import { aesCbcDecrypt, aesCbcEncrypt } from './aes-cbc';
import { bigIntToBytes, bytesToBigInt, modPow } from './big-int';
import aesVectors from './test-vectors/wycheproof-aes_cbc_pkcs5_test.json';
import rsaVectors from './test-vectors/wycheproof-rsa_pkcs1_2048_test.json';

const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));

describe('Wycheproof AES-CBC-PKCS5', () => {
  const cases = aesVectors.testGroups.flatMap((group) => group.tests);

  it(`runs all ${aesVectors.numberOfTests} vectors`, () => expect(cases.length).toBe(aesVectors.numberOfTests));

  for (const t of cases) {
    it(`#${t.tcId} ${t.result}: ${t.comment || t.flags.join(',')}`, async () => {
      const key = hex(t.key);
      const iv = hex(t.iv);
      if (t.result === 'valid') {
        expect(Buffer.from(await aesCbcEncrypt(key, iv, hex(t.msg))).toString('hex')).toBe(t.ct);
        expect(Buffer.from(await aesCbcDecrypt(key, iv, hex(t.ct))).toString('hex')).toBe(t.msg);
      } else {
        await expect(aesCbcDecrypt(key, iv, hex(t.ct))).rejects.toBeInstanceOf(EnvelopeError);
      }
    });
  }
});

describe('Wycheproof RSAES-PKCS1-v1_5 (2048)', () => {
  const valid = rsaVectors.testGroups.flatMap((group) =>
    group.tests.filter((t) => t.result === 'valid').map((t) => ({ group, t })),
  );

  it('has valid vectors to check', () => expect(valid.length).toBeGreaterThan(30));

  for (const { group, t } of valid) {
    it(`#${t.tcId} modPow reproduces the ciphertext from its encoded message: ${t.comment}`, () => {
      const n = BigInt('0x' + group.privateKey.modulus);
      const e = BigInt('0x' + group.privateKey.publicExponent);
      const privateKey = createPrivateKey(group.privateKeyPem);
      const em = new Uint8Array(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, hex(t.ct)));
      expect(Buffer.from(em.subarray(em.length - t.msg.length / 2)).toString('hex')).toBe(t.msg);
      const ct = modPow(bytesToBigInt(em), e, n);
      expect(Buffer.from(bigIntToBytes(ct, 256)).toString('hex')).toBe(t.ct);
    });
  }
});
