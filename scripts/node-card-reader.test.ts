import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { CreditCardResult } from '../src/api/types';
import { decodeForReading, pngPixels, readCardInNode, reduce, upright } from './node-card-reader';

// The Node sandbox server's reader: JPEG and PNG decoded in plain JavaScript, EXIF orientation
// applied as a browser applies it, then the same engine and parser as the page's worker.
const sample = (file: string) => new Uint8Array(readFileSync(resolve(import.meta.dirname, '../public/samples', file)));

describe('the Node sandbox server reads cards on the device', () => {
  it('turns pixels upright for every EXIF orientation', () => {
    // A 2×1 image: red then green. Orientation 6 (turn clockwise) makes it 1×2, red on top.
    const p = { data: new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255]), width: 2, height: 1 };
    const six = upright(p, 6);
    expect([six.width, six.height]).toEqual([1, 2]);
    expect(Array.from(six.data.slice(0, 4))).toEqual([255, 0, 0, 255]);
    const eight = upright(p, 8);
    expect(Array.from(eight.data.slice(0, 4))).toEqual([0, 255, 0, 255]);
    expect(Array.from(upright(p, 2).data.slice(0, 4))).toEqual([0, 255, 0, 255]);
    expect(upright(p, 1)).toBe(p);
  });

  it('reads a JPEG stored sideways (EXIF orientation 6) upright, with boxes in the upright space', async () => {
    const read = await readCardInNode(sample('credit-card-exif6.jpg'), 'credit-card');
    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    const result = read.result as CreditCardResult;
    expect(result.totalCardNum).toBe('4000056655665556');
    expect(result.validThru?.value).toBe('12/30');
    // The upright card is 1000 wide and 630 high: every box lies within it.
    for (const q of result.cardNumBoxes) expect(Math.max(q.x1, q.x2, q.x3, q.x4)).toBeLessThanOrEqual(1000);
  }, 60_000);

  it('says what it looked for in a picture with no text at all', async () => {
    const blank = encode({ width: 640, height: 400, data: new Uint8Array(640 * 400 * 3).fill(200), channels: 3 });
    const read = await readCardInNode(blank, 'credit-card');
    expect(read).toMatchObject({ kind: 'nothing', lookedFor: expect.stringMatching(/^Looked for a card number/) });
  }, 60_000);
});

describe('PNG decoding for the Node reader', () => {
  const rgbaOf = (image: Uint8Array) => {
    const p = pngPixels(image);
    return { width: p.width, height: p.height, data: Array.from(p.data) };
  };

  it('looks palette indices up in the palette', () => {
    const palette = [
      [255, 0, 0],
      [0, 255, 0],
      [0, 0, 255],
    ];
    const png = encode({
      width: 3,
      height: 2,
      depth: 8,
      channels: 1,
      palette,
      data: new Uint8Array([0, 1, 2, 2, 1, 0]),
    });
    const [r, g, b] = [palette[0], palette[1], palette[2]].map((c) => [...c, 255]);
    expect(rgbaOf(png)).toEqual({ width: 3, height: 2, data: [...r, ...g, ...b, ...b, ...g, ...r] });
  });

  it('unpacks 4-bit palette indices, two a byte, rows padded to a byte', () => {
    const palette = Array.from({ length: 16 }, (_, i) => [i * 16, 255 - i * 16, i]);
    // Three pixels a row: indices 1 2 3 / 15 0 7, packed as 0x12 0x30 / 0xf0 0x70.
    const png = encode({
      width: 3,
      height: 2,
      depth: 4,
      channels: 1,
      palette,
      data: new Uint8Array([0x12, 0x30, 0xf0, 0x70]),
    });
    const expected = [1, 2, 3, 15, 0, 7].flatMap((i) => [...palette[i], 255]);
    expect(rgbaOf(png)).toEqual({ width: 3, height: 2, data: expected });
  });

  it('unpacks 1-bit grey, eight pixels a byte, rows padded to a byte', () => {
    // Ten pixels a row: 1010000011 / 0111111100, each row two bytes.
    const png = encode({ width: 10, height: 2, depth: 1, channels: 1, data: new Uint8Array([0xa0, 0xc0, 0x7f, 0x00]) });
    const bits = [1, 0, 1, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 0, 0];
    expect(rgbaOf(png)).toEqual({ width: 10, height: 2, data: bits.flatMap((v) => [v * 255, v * 255, v * 255, 255]) });
  });

  it('keeps the high byte of 16-bit RGBA', () => {
    const data = new Uint16Array([0xffff, 0x8000, 0x0100, 0xfeff, 0x00ff, 0x1234, 0xabcd, 0x7fff]);
    const png = encode({ width: 2, height: 1, depth: 16, channels: 4, data });
    expect(rgbaOf(png)).toEqual({ width: 2, height: 1, data: [0xff, 0x80, 0x01, 0xfe, 0x00, 0x12, 0xab, 0x7f] });
  });
});

describe('the Node reader keeps a large photo within bounds', () => {
  it('reduces a photo over 4096 pixels wide, reporting the scale and the original size', async () => {
    const grey = encode({ width: 5000, height: 100, channels: 1, data: new Uint8Array(5000 * 100).fill(90) });
    const decoded = await decodeForReading(grey);
    expect([decoded.pixels.width, decoded.pixels.height]).toEqual([4096, 82]);
    expect(decoded).toMatchObject({ width: 5000, height: 100, scale: 4096 / 5000 });
    expect(decoded.pixels.data.slice(0, 4)).toEqual(new Uint8ClampedArray([90, 90, 90, 255]));
  });

  it('gives the upright original size of a JPEG stored sideways, unreduced', async () => {
    const decoded = await decodeForReading(sample('credit-card-exif6.jpg'));
    expect(decoded).toMatchObject({ width: 1000, height: 630, scale: 1 });
    expect([decoded.pixels.width, decoded.pixels.height]).toEqual([1000, 630]);
  });

  it('refuses an image over 100 million pixels from its header, before decoding it', async () => {
    const png = encode({ width: 1, height: 1, channels: 1, data: new Uint8Array([0]) });
    new DataView(png.buffer, png.byteOffset).setUint32(16, 20_000); // IHDR width: 20000 × 20000
    new DataView(png.buffer, png.byteOffset).setUint32(20, 20_000);
    await expect(decodeForReading(png)).rejects.toThrow(/over 100 million pixels/);
    const read = await readCardInNode(png, 'credit-card');
    expect(read).toMatchObject({
      kind: 'nothing',
      lookedFor: expect.stringMatching(/could not be decoded for reading/),
    });
  }, 60_000);

  it('reduces by averaging each box of source pixels', () => {
    const p = {
      data: new Uint8ClampedArray([0, 0, 0, 255, 100, 50, 20, 255, 200, 0, 0, 255, 0, 0, 0, 255]),
      width: 4,
      height: 1,
    };
    expect(Array.from(reduce(p, 2, 1).data)).toEqual([50, 25, 10, 255, 100, 0, 0, 255]);
  });
});
