import type { ReaderDownload } from './types';

/**
 * Counts the bytes of the reader's files as they arrive, against the build's total for all of them
 * (a server that compresses them still hands over that many). Each load counts from zero: a retry
 * after a failed one fetches, or finds in the cache, every file again.
 */
export function downloadProgress(total: number, report: (progress: ReaderDownload) => void) {
  let loaded = 0;
  return (received: number) => {
    loaded += received;
    report({ loaded, total: Math.max(total, loaded) });
  };
}
