import { describe, expect, it } from 'vitest';
import { naturalSize } from './display-decode';

describe('the size the service’s coordinates refer to', () => {
  it('swaps width and height for raw pixels of a rotated photo only', () => {
    expect(naturalSize({ width: 1000, height: 630, orientation: 6 }, false)).toEqual({ width: 1000, height: 630 });
    expect(naturalSize({ width: 1000, height: 630, orientation: 6 }, true)).toEqual({ width: 630, height: 1000 });
    expect(naturalSize({ width: 1000, height: 630, orientation: 3 }, true)).toEqual({ width: 1000, height: 630 });
  });
});
