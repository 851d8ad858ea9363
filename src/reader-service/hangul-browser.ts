// The Hangul recogniser in the reader's worker: Tesseract.js with its kor model (the small 4.0.0_best_int
// data), every file from the app's own origin: without workerPath, corePath and langPath Tesseract.js
// would fetch them from a CDN. Imported only when an ID card first has Hangul lines to read.
import { createWorker, PSM } from 'tesseract.js';
import workerUrl from 'tesseract.js/dist/worker.min.js?url';
import coreUrl from 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js?url';
import korUrl from '@tesseract.js-data/kor/4.0.0_best_int/kor.traineddata.gz?url';
import { tesseractRecogniser, type HangulRecogniser } from '@/reader';

/**
 * Starts Tesseract on `kor`. Tesseract.js fetches `${langPath}/kor.traineddata.gz`; the build's file has a
 * hashed name, so langPath is that file with a `?`, and what follows is a query the server ignores. (Passing
 * the data itself does not work in 7.0.0: its initialize step uses the data where it means the code.)
 * The file is fetched here first so its download shows in the reader's progress; Tesseract's own fetch of
 * the same URL then comes from the service worker's cache.
 */
export async function startHangulRecogniser(
  fetchBytes: (url: string) => Promise<Uint8Array>,
): Promise<HangulRecogniser> {
  const langPath = `${new URL(korUrl, self.location.href).href}?`;
  await fetchBytes(`${langPath}/kor.traineddata.gz`);
  const worker = await createWorker('kor', 1, {
    workerPath: new URL(workerUrl, self.location.href).href,
    corePath: new URL(coreUrl, self.location.href).href,
    langPath,
    // A blob: worker is refused by the CSP (worker-src 'self'); the kept copy is the service worker's, not IndexedDB's.
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
    // Without a handler Tesseract.js rethrows a failed job in this worker's message handler, which would take
    // the whole reader down with it; a failed job rejects its own promise either way.
    errorHandler: () => undefined,
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
  return tesseractRecogniser(worker, (pgm) => new Blob([pgm as BlobPart]));
}
