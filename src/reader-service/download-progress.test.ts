import { expect, it } from 'vitest';
import { downloadProgress } from './download-progress';
import type { ReaderDownload } from './types';

it('adds up the files as they arrive, against one total for them all', () => {
  const seen: ReaderDownload[] = [];
  const received = downloadProgress(100, (progress) => seen.push(progress));
  received(30);
  received(50);
  received(20);
  expect(seen).toEqual([
    { loaded: 30, total: 100 },
    { loaded: 80, total: 100 },
    { loaded: 100, total: 100 },
  ]);
});

it('never reports more loaded than its total, should the files outgrow the figure', () => {
  const seen: ReaderDownload[] = [];
  const received = downloadProgress(10, (progress) => seen.push(progress));
  received(15);
  expect(seen).toEqual([{ loaded: 15, total: 15 }]);
});

it('counts a second load from zero', () => {
  const first: ReaderDownload[] = [];
  downloadProgress(100, (progress) => first.push(progress))(60);
  const second: ReaderDownload[] = [];
  downloadProgress(100, (progress) => second.push(progress))(10);
  expect(second).toEqual([{ loaded: 10, total: 100 }]);
});
