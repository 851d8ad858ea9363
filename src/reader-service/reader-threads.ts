/**
 * The most threads the reader is given. On the 2-core bench machine (scripts/bench/reader-anchor.ts, the page
 * isolated) two threads read a card in 527 ms against 673 on one, and four, more than its cores, in 1195
 * against 795: never more threads than cores. No larger machine was measured, so the cap is onnxruntime-web's
 * own default ceiling.
 */
export const MAX_READER_THREADS = 4;

/**
 * onnxruntime-web's thread count for the reader: every core but the one the page keeps, at most
 * MAX_READER_THREADS, and one where the page is not cross-origin isolated (no SharedArrayBuffer, so no
 * threads). The count includes the reader's own worker.
 */
export function readerThreads(isolated: boolean, cores: number | undefined): number {
  if (!isolated || !cores) return 1;
  return Math.max(1, Math.min(MAX_READER_THREADS, Math.floor(cores) - 1));
}
