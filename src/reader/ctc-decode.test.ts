import { describe, expect, it } from 'vitest';
import { ctcDecode, dictionaryOf } from './ctc-decode';

const dictionary = dictionaryOf('0\n1\n/\n'); // ['', '0', '1', '/', ' ']

/** A [T, C] output where step t puts probability p on class picks[t] and the rest on the others evenly. */
function output(picks: number[], p = 0.9) {
  const classes = dictionary.length;
  const data = new Float32Array(picks.length * classes).fill((1 - p) / (classes - 1));
  picks.forEach((c, t) => (data[t * classes + c] = p));
  return { data, steps: picks.length, classes };
}

describe('dictionaryOf', () => {
  it('puts the blank first and the space last', () => {
    expect(dictionary).toEqual(['', '0', '1', '/', ' ']);
    expect(dictionaryOf('a\r\nb')).toEqual(['', 'a', 'b', ' ']);
  });
});

describe('ctcDecode', () => {
  it('merges repeats, drops blanks, and keeps a doubled character separated by a blank', () => {
    const decoded = ctcDecode(output([0, 1, 1, 0, 1, 0, 3, 3, 2, 4, 2, 0]), dictionary);
    expect(decoded.text).toBe('00/1 1');
    expect(decoded.positions).toEqual([1.5, 4.5, 6.5, 8.5, 9.5, 10.5].map((t) => t / 12));
    expect(decoded.conf).toBeCloseTo(0.9, 6);
  });

  it('takes the mean of the chosen characters only', () => {
    const out = output([1, 0, 2, 0]);
    out.data[2 * out.classes + 2] = 0.5;
    const decoded = ctcDecode(out, dictionary);
    expect(decoded.text).toBe('01');
    expect(decoded.conf).toBeCloseTo(0.7, 6);
    expect(decoded.probs[1]).toBeCloseTo(0.5, 6);
  });

  it('returns nothing, with confidence 0, for all blanks', () => {
    expect(ctcDecode(output([0, 0, 0]), dictionary)).toEqual({ text: '', conf: 0, positions: [], probs: [] });
  });
});
