import { describe, expect, it } from 'vitest';
import { MAX_READER_THREADS, readerThreads } from './reader-threads';

describe('readerThreads', () => {
  it('gives the reader every core but the page’s, up to the cap', () => {
    expect(readerThreads(true, 2)).toBe(1);
    expect(readerThreads(true, 3)).toBe(2);
    expect(readerThreads(true, 4)).toBe(3);
    expect(readerThreads(true, 64)).toBe(MAX_READER_THREADS);
  });

  it('runs on one thread where the page is not cross-origin isolated', () => {
    expect(readerThreads(false, 8)).toBe(1);
  });

  it('never asks for fewer than one, whatever the browser says of its cores', () => {
    for (const cores of [1, 0, undefined, Number.NaN]) expect(readerThreads(true, cores)).toBe(1);
  });
});
