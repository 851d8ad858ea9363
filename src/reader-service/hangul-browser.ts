// The Hangul recogniser in the reader's worker: Tesseract.js with its kor model (the small 4.0.0_best_int
// data), every file from the app's own origin: without workerPath, corePath and langPath Tesseract.js
// would fetch them from a CDN. Imported only when an ID card first has Hangul lines to read.
import { createWorker, PSM } from 'tesseract.js';
import workerUrl from 'tesseract.js/dist/worker.min.js?url';
import coreUrl from 'tesseract.js-core/tesseract-core-simd-lstm.wasm.js?url';
import korUrl from '@tesseract.js-data/kor/4.0.0_best_int/kor.traineddata.gz?url';
import { tesseractRecogniser, type HangulRecogniser } from '@/reader';

/** Starts Tesseract on `kor`, whose data the caller fetched (so that its download shows in the progress). */
export async function startHangulRecogniser(
  fetchBytes: (url: string) => Promise<Uint8Array>,
): Promise<HangulRecogniser> {
  const data = await fetchBytes(korUrl);
  const worker = await createWorker([{ code: 'kor', data }], 1, {
    workerPath: new URL(workerUrl, self.location.href).href,
    corePath: new URL(coreUrl, self.location.href).href,
    // A blob: worker is refused by the CSP (worker-src 'self'); the kept copy is the service worker's, not IndexedDB's.
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
  });
  await worker.setParameters({ tessedit_pageseg_mode: PSM.SINGLE_LINE });
  return tesseractRecogniser(worker, (pgm) => new Blob([pgm as BlobPart]));
}
