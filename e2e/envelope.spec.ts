import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { expect, test } from '@playwright/test';
import type {} from '@/app/test-hooks';

// The envelope as shipped in the built page, run in real Chromium and checked by OpenSSL here.
test('the envelope in Chromium produces what node:crypto decrypts', async ({ page }) => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicKeyBase64 = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  await page.goto('/');

  const results = await page.evaluate(async (pub) => {
    const envelope = await window.__cardlens!.envelope();
    const out: { key: string; wrapped: string; cipher: string; text: string; plain: string }[] = [];
    for (let i = 0; i < 50; i++) {
      const key = envelope.generateSymmetricKey();
      const plain = crypto.getRandomValues(new Uint8Array(i * 997));
      out.push({
        key: envelope.bytesToBase64(key),
        wrapped: await envelope.wrapSymmetricKey(pub, key),
        cipher: envelope.bytesToBase64(await envelope.encryptBytes(key, plain)),
        text: await envelope.encryptText(key, `카드 ${i} ✓`),
        plain: envelope.bytesToBase64(plain),
      });
    }
    return out;
  }, publicKeyBase64);

  expect(new Set(results.map((r) => r.key)).size).toBe(50);
  for (const r of results) {
    const key = Buffer.from(r.key, 'base64');
    const em = privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, Buffer.from(r.wrapped, 'base64'));
    expect(em.length).toBe(256);
    expect([em[0], em[1]]).toEqual([0, 2]);
    expect(em.subarray(2, 256 - 33).every((b) => b !== 0)).toBe(true);
    expect(em[256 - 33]).toBe(0);
    expect(em.subarray(256 - 32).equals(key)).toBe(true);
    const decrypt = (data: Buffer) => {
      const d = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
      return Buffer.concat([d.update(data), d.final()]);
    };
    expect(decrypt(Buffer.from(r.cipher, 'base64')).equals(Buffer.from(r.plain, 'base64'))).toBe(true);
    expect(decrypt(Buffer.from(r.text, 'base64')).toString('utf8')).toMatch(/^카드 \d+ ✓$/);
  }
});
