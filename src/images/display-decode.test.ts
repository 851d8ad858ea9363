import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimDecode, naturalSize, shareDecode } from './display-decode';

const bitmap = () => {
  const close = vi.fn();
  return { picture: { close } as unknown as ImageBitmap, close };
};

describe('handing preflight’s decode to the viewer', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the decode to the first claimant only', async () => {
    const file = new Blob(['a']);
    const { picture } = bitmap();
    shareDecode(file, Promise.resolve(picture));
    expect(await claimDecode(file)).toBe(picture);
    expect(claimDecode(file)).toBeNull();
    expect(claimDecode(new Blob(['a']))).toBeNull(); // another file with the same bytes is another card
  });

  it('closes a decode nobody claims, and leaves a claimed one to its claimant', async () => {
    vi.useFakeTimers();
    const unclaimed = bitmap();
    const claimed = bitmap();
    const [a, b] = [new Blob(['a']), new Blob(['b'])];
    shareDecode(a, Promise.resolve(unclaimed.picture));
    shareDecode(b, Promise.resolve(claimed.picture));
    void claimDecode(b);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(unclaimed.close).toHaveBeenCalledOnce();
    expect(claimed.close).not.toHaveBeenCalled();
    expect(claimDecode(a)).toBeNull();
  });

  it('swaps width and height for raw pixels of a rotated photo only', () => {
    expect(naturalSize({ width: 1000, height: 630, orientation: 6 }, false)).toEqual({ width: 1000, height: 630 });
    expect(naturalSize({ width: 1000, height: 630, orientation: 6 }, true)).toEqual({ width: 630, height: 1000 });
    expect(naturalSize({ width: 1000, height: 630, orientation: 3 }, true)).toEqual({ width: 1000, height: 630 });
  });
});
