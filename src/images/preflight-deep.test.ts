import { describe, expect, it } from 'vitest';
import { cmykJpeg, png } from '../../scripts/bad-inputs';
import { preflight, type Decode } from './preflight';

// A 16-bit PNG and a CMYK JPEG are valid files the service reads. They are sent, with a
// caution where the browser may not draw them faithfully, never refused.
const decodes: Decode = () => Promise.resolve(new Blob());
const fileOf = (bytes: Uint8Array, name: string) => new File([bytes as BlobPart], name);

describe('preflight of deep and print-colour images', () => {
  it.each([
    ['a 16-bit RGB PNG', 'deep.png', () => png(800, 500, { bitDepth: 16 }), /16 bits per channel/],
    ['a 16-bit RGBA PNG', 'deep-rgba.png', () => png(856, 540, { bitDepth: 16, alpha: true }), /16 bits per channel/],
    ['a CMYK JPEG', 'print.jpg', () => cmykJpeg(856, 540), /CMYK/],
  ])('accepts %s, with a caution in both languages', async (_, name, content, says) => {
    const result = await preflight(fileOf(new Uint8Array(content()), name), decodes);
    expect(result).toMatchObject({ ok: true, lowResolution: false });
    if (!result.ok) return;
    expect(result.caution?.en).toMatch(says);
    expect(result.caution?.en).toMatch(/sent unchanged/);
    expect(result.caution?.ko.length).toBeGreaterThan(10);
  });

  it('gives an ordinary 8-bit PNG no caution', async () => {
    const result = await preflight(fileOf(new Uint8Array(png(800, 500)), 'plain.png'), decodes);
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.caution).toBeUndefined();
  });
});
