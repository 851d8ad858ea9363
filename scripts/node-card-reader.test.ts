import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { encode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import type { CreditCardResult } from '../src/api/types';
import { upright, readCardInNode } from './node-card-reader';

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
