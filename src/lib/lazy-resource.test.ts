import { describe, expect, it, vi } from 'vitest';
import { lazyResource } from './lazy-resource';

describe('lazyResource', () => {
  it('loads once however many ask, and keeps the value', async () => {
    const loader = vi.fn(() => Promise.resolve(42));
    const resource = lazyResource(loader);
    expect(resource.current()).toBeNull();
    const [a, b] = await Promise.all([resource.load(), resource.load()]);
    expect([a, b, await resource.load(), resource.current()]).toEqual([42, 42, 42, 42]);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    const loader = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('here');
    const resource = lazyResource<string>(loader);
    await expect(resource.load()).rejects.toThrow('offline');
    expect(resource.current()).toBeNull();
    await expect(resource.load()).resolves.toBe('here');
    expect(loader).toHaveBeenCalledTimes(2);
  });

  it('tells its subscribers when the value arrives and when it is let go', async () => {
    const resource = lazyResource(() => Promise.resolve('worker'));
    const heard = vi.fn();
    resource.subscribe(heard);
    await resource.load();
    expect(heard).toHaveBeenCalledTimes(1);
    expect(resource.reset()).toBe('worker');
    expect(resource.current()).toBeNull();
    expect(heard).toHaveBeenCalledTimes(2);
  });

  it('loads afresh after a reset, and a load overtaken by a reset never lands', async () => {
    let release!: (value: number) => void;
    const loader = vi
      .fn<() => Promise<number>>()
      .mockReturnValueOnce(new Promise((resolve) => (release = resolve)))
      .mockResolvedValueOnce(2);
    const resource = lazyResource(loader);
    const first = resource.load();
    resource.reset();
    await expect(resource.load()).resolves.toBe(2);
    release(1);
    await expect(first).resolves.toBe(1);
    expect(resource.current()).toBe(2);
  });
});
