import { describe, expect, it } from 'vitest';
import { sampleImage } from '@/test-support/sandbox-fixture';
import { isLowResolution, MAX_PIXELS, overPixelLimit, resolutionOf, turnedSize, uprightSize } from './image-size';

/** A PNG signature and IHDR chunk claiming `width` × `height`, and nothing else. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(bytes.buffer).setUint32(16, width);
  new DataView(bytes.buffer).setUint32(20, height);
  bytes[24] = 8;
  return bytes;
}

describe('image size', () => {
  it.each([
    [760, 480, false],
    [759, 480, true],
    [760, 479, true],
    [480, 760, false], // a portrait photo is measured as its landscape turn
    [479, 760, true],
    [480, 759, true],
    [4000, 300, true],
    [1000, 630, false],
  ])('calls %i × %i low resolution: %s', (width, height, low) => {
    expect(isLowResolution({ width, height })).toBe(low);
    expect(resolutionOf({ width, height })).toBe(low ? 'low' : 'normal');
  });

  it.each([
    [10_000, 10_000, false],
    [10_000, 10_001, true],
    [20_000, 5_000, false],
    [1, MAX_PIXELS + 1, true],
  ])('puts %i × %i over the pixel limit: %s', (width, height, over) => {
    expect(overPixelLimit({ width, height })).toBe(over);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('turns a 1000 × 630 picture by EXIF orientation %i', (orientation) => {
    const turned = orientation >= 5;
    expect(turnedSize({ width: 1000, height: 630 }, orientation)).toEqual(
      turned ? { width: 630, height: 1000 } : { width: 1000, height: 630 },
    );
  });

  it.each([
    ['a PNG', sampleImage('credit-card.png').bytes, { format: 'png', orientation: 1, width: 1000, height: 630 }],
    // Stored 630 × 1000, turned upright by orientation 6.
    [
      'a JPEG turned by EXIF',
      sampleImage('credit-card-exif6.jpg').bytes,
      { format: 'jpeg', orientation: 6, width: 1000, height: 630 },
    ],
    ['a header alone', pngHeader(3000, 2000), { format: 'png', width: 3000, height: 2000 }],
  ])('reads the upright size of %s from its header', (_, bytes, expected) => {
    expect(uprightSize(bytes)).toMatchObject(expected);
  });

  it('gives the stored size in the header, unturned', () => {
    expect(uprightSize(sampleImage('credit-card-exif6.jpg').bytes)?.header).toMatchObject({ width: 630, height: 1000 });
  });

  it.each([
    ['bytes of no image', new Uint8Array([1, 2, 3])],
    ['a PNG without its header', pngHeader(10, 10).subarray(0, 20)],
    ['a PNG of no width', pngHeader(0, 10)],
    ['a PNG of no height', pngHeader(10, 0)],
  ])('has no size for %s', (_, bytes) => {
    expect(uprightSize(bytes)).toBeNull();
  });
});
