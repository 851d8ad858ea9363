import { describe, expect, it, vi } from 'vitest';
import { OcrError } from '@/api';
import { sampleImage } from '@/test-support/sandbox-fixture';
import { preflight, type Decode } from './preflight';

const decodes: Decode = () => Promise.resolve(new Blob());
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);
const sampleFile = (name: string) => fileOf(sampleImage(name).bytes, name);

function pngHeaderOnly(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33 + 12);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes.set([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82], 33);
  return bytes;
}

describe('preflight', () => {
  it('passes a sample with its pixel size', async () => {
    const result = await preflight(sampleFile('credit-card.png'), decodes);
    expect(result).toMatchObject({
      ok: true,
      format: 'png',
      width: 1000,
      height: 630,
      lowResolution: false,
      orientation: 1,
    });
  });

  it('on a page that is not a secure context, refuses as the client does instead of failing on a missing digest', async () => {
    vi.stubGlobal('isSecureContext', false);
    // What such a page has: no crypto.subtle.
    vi.stubGlobal('crypto', { getRandomValues: crypto.getRandomValues.bind(crypto) });
    try {
      const error: unknown = await preflight(sampleFile('credit-card.png'), decodes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OcrError);
      expect(error).toMatchObject({ kind: 'insecure-context', isConnectionProblem: true });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('reads EXIF orientation 6 and reports the upright size', async () => {
    expect(await preflight(sampleFile('credit-card-exif6.jpg'), decodes)).toMatchObject({
      ok: true,
      orientation: 6,
      width: 1000,
      height: 630,
    });
  });

  it('flags a low-resolution image without refusing it', async () => {
    expect(await preflight(sampleFile('credit-card-low-res.png'), decodes)).toMatchObject({
      ok: true,
      lowResolution: true,
    });
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'empty.png', /empty/],
    ['a PDF named .png', new TextEncoder().encode('%PDF-1.7 ...'), 'card.png', /PDF document, not a JPEG or PNG/],
    ['a GIF named .png', new TextEncoder().encode('GIF89a.....'), 'card.png', /GIF image/],
    ['a truncated PNG', sampleImage('credit-card.png').bytes.subarray(0, 5000), 'cut.png', /truncated/],
    ['a truncated JPEG', sampleImage('credit-card-exif6.jpg').bytes.subarray(0, 5000), 'cut.jpg', /truncated/],
    ['a decompression bomb', pngHeaderOnly(30000, 30000), 'bomb.png', /30000×30000.*before decoding/],
  ])('refuses %s with a message naming the file', async (_, bytes, name, message) => {
    const result = await preflight(fileOf(bytes, name), decodes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.en).toContain(`“${name}”`);
      expect(result.reason.en).toMatch(message);
      expect(result.reason.ko).toContain(`“${name}”`);
    }
  });

  it('says plainly when it cannot tell what a file is', async () => {
    const result = await preflight(fileOf(new TextEncoder().encode('card number 4111'), 'notes.txt'), decodes);
    expect(result).toEqual({
      ok: false,
      reason: {
        en: '“notes.txt” is not a JPEG or PNG image. Only JPEG and PNG can be sent.',
        ko: '“notes.txt” 파일은 JPEG나 PNG 이미지가 아닙니다. JPEG 또는 PNG만 보낼 수 있습니다.',
      },
    });
  });

  it.each([
    [21 * 1024 * 1024, '21'],
    // Rounded up: a file refused as over 20 MB never says it is 20 MB.
    [20 * 1024 * 1024 + 1, '20.1'],
  ])('refuses a file of %i bytes, over 20 MB, without reading it', async (size, shown) => {
    const big = {
      name: 'huge.jpg',
      size,
      arrayBuffer: () => Promise.reject(new Error('must not read')),
    } as unknown as File;
    const result = await preflight(big, decodes);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.en).toContain(`is ${shown} MB; the service accepts at most 20 MB.`);
      expect(result.reason.ko).toContain(`${shown}MB입니다. 서비스는 20MB까지만 받습니다.`);
    }
  });

  it('refuses an image the browser cannot decode', async () => {
    const result = await preflight(sampleFile('credit-card.png'), () => Promise.reject(new Error('bad')));
    expect(result).toMatchObject({ ok: false });
  });
});
