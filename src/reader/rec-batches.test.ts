import { describe, expect, it } from 'vitest';
import { packStrips, planBatches } from './rec-batches';
import { REC_HEIGHT, type RecInput } from './rectify';

describe('planBatches', () => {
  it('groups strips of similar width, narrowest first, and never more than the most a batch holds', () => {
    expect(planBatches([300, 100, 120, 390, 125, 960], 1.3, 8)).toEqual([[1, 2, 4], [0, 3], [5]]);
    expect(planBatches([100, 100, 100], 1.3, 2)).toEqual([[0, 1], [2]]);
    expect(planBatches([])).toEqual([]);
  });
});

describe('packStrips', () => {
  const strip = (width: number, value: number): RecInput => ({
    data: new Float32Array(3 * REC_HEIGHT * width).fill(value),
    width,
    contentWidth: width,
  });

  it('lays each strip at the left of its own slot and pads the rest of every row with 0', () => {
    const packed = packStrips([strip(2, 1), strip(3, -1)], 3);
    const at = (n: number, c: number, y: number, x: number) => packed[((n * 3 + c) * REC_HEIGHT + y) * 3 + x];
    expect(packed.length).toBe(2 * 3 * REC_HEIGHT * 3);
    expect([at(0, 2, 47, 0), at(0, 2, 47, 1), at(0, 2, 47, 2)]).toEqual([1, 1, 0]);
    expect([at(1, 0, 0, 0), at(1, 1, 20, 2)]).toEqual([-1, -1]);
  });

  it('refuses a strip wider than the batch', () => {
    expect(() => packStrips([strip(4, 1)], 3)).toThrow(/does not fit/);
  });
});
