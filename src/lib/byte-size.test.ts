import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { megabytes } from './byte-size';

const MB = 1024 * 1024;

describe('megabytes', () => {
  it.each([
    [0, '0'],
    [1, '0.1'],
    [MB / 10, '0.1'],
    [MB, '1'],
    [MB + 1, '1.1'],
    [Math.round(9.9 * MB), '9.9'],
    [Math.round(1.25 * MB), '1.3'],
    [20 * MB, '20'],
    [20 * MB + 1, '20.1'],
    [2048 * MB, '2048'],
  ])('writes %i bytes as "%s"', (bytes, text) => {
    expect(megabytes(bytes)).toBe(text);
  });

  it('never writes a size below what it is, nor a tenth or more above', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (bytes) => {
        const shown = Number(megabytes(bytes));
        expect(shown).toBeGreaterThanOrEqual(bytes / MB);
        expect(shown - bytes / MB).toBeLessThan(0.1 + 1e-9);
      }),
    );
  });
});
