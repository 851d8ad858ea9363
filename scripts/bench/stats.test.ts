import { describe, expect, it } from 'vitest';
import { median, medianRatio, round, tallyShare } from './stats';

describe('median', () => {
  it('is the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

describe('medianRatio', () => {
  it("divides the first series' median by the second's, rounded to two places", () => {
    expect(medianRatio([100, 300, 200], [400, 380, 420])).toBe(0.5);
    expect(medianRatio([1, 2], [3])).toBe(0.5);
    expect(medianRatio([2], [3])).toBe(0.67);
  });

  it('is null when either series is empty or the second median is 0', () => {
    expect(medianRatio([], [1])).toBeNull();
    expect(medianRatio([1], [])).toBeNull();
    expect(medianRatio([1], [0])).toBeNull();
  });
});

describe('tallyShare', () => {
  it('writes right over of, and the share to two places', () => {
    expect(tallyShare({ right: 37, of: 38 })).toEqual({ count: '37/38', share: 0.97 });
    expect(tallyShare(undefined)).toEqual({ count: null, share: null });
  });
});

describe('round', () => {
  it('rounds to the digits asked for', () => {
    expect(round(1.005, 0)).toBe(1);
    expect(round(0.666)).toBe(0.67);
  });
});
