import { expect, it, vi } from 'vitest';
import { lazyResource } from '@/lib/lazy-resource';
import { lazyReaderService } from './lazy-reader';
import type { DeviceBoxesRead, DeviceRead, ReaderDownload, ReaderService } from './types';

const NOTHING: DeviceRead = { kind: 'nothing', lookedFor: 'a card number', cardLike: false };
const READ: DeviceBoxesRead = { kind: 'read', texts: [{ text: '4444', conf: 0.9 }] };

function fakeReader(): ReaderService & { emit: (progress: ReaderDownload) => void } {
  const listeners = new Set<(progress: ReaderDownload) => void>();
  return {
    readCard: vi.fn(() => Promise.resolve(NOTHING)),
    readBoxes: vi.fn(() => Promise.resolve(READ)),
    warm: vi.fn(() => Promise.resolve({ kind: 'ready' as const })),
    onDownload: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    emit: (progress) => listeners.forEach((listener) => listener(progress)),
  };
}

it('loads the reader at the first read, once, and passes reads through', async () => {
  const reader = fakeReader();
  const load = vi.fn(() => Promise.resolve(reader));
  const service = lazyReaderService(lazyResource(load).load);
  expect(load).not.toHaveBeenCalled();
  const image = new Uint8Array([1, 2, 3]);
  await expect(service.readCard(image, 'credit-card', { hangul: false })).resolves.toEqual(NOTHING);
  await expect(service.readBoxes(image, [])).resolves.toEqual(READ);
  expect(load).toHaveBeenCalledTimes(1);
  expect(reader.readCard).toHaveBeenCalledWith(image, 'credit-card', { hangul: false });
});

it('answers unavailable, never throws, when the code cannot load; and tries again at the next read', async () => {
  const reader = fakeReader();
  const load = vi
    .fn<() => Promise<ReaderService>>()
    .mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module'))
    .mockResolvedValue(reader);
  const service = lazyReaderService(lazyResource(load).load);
  await expect(service.readCard(new Uint8Array(), 'id-card')).resolves.toEqual({
    kind: 'unavailable',
    why: 'Failed to fetch dynamically imported module',
  });
  await expect(service.readCard(new Uint8Array(), 'id-card')).resolves.toEqual(NOTHING);
  expect(load).toHaveBeenCalledTimes(2);
});

it('follows the download once loaded, and a follower that stopped before then hears nothing', async () => {
  const reader = fakeReader();
  const service = lazyReaderService(lazyResource(() => Promise.resolve(reader)).load);
  const heard: ReaderDownload[] = [];
  const early: ReaderDownload[] = [];
  service.onDownload((progress) => heard.push(progress));
  const stop = service.onDownload((progress) => early.push(progress));
  stop();
  await service.readCard(new Uint8Array(), 'credit-card');
  reader.emit({ loaded: 1, total: 2 });
  expect(heard).toEqual([{ loaded: 1, total: 2 }]);
  expect(early).toEqual([]);
});
