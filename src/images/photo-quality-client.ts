// The page's end of the quality worker: one worker, started at the first photo checked and kept; one that
// dies is let go, and the next photo starts another.
import type { PhotoQuality } from '@/model/second-read/photo-quality';

export interface QualityRequest {
  id: number;
  image: ArrayBuffer;
}
export interface QualityReply {
  id: number;
  quality: PhotoQuality;
}

const UNAVAILABLE: PhotoQuality = { kind: 'not-checked', why: 'unavailable' };

const startQualityWorker = () =>
  new Worker(new URL('./quality-worker.ts', import.meta.url), { type: 'module', name: 'cardlens-quality' });

/**
 * The longest a photo's check may take. Two small decodes and a Laplacian take well under a second; a
 * worker that has not answered by then is stuck, and the card it holds must still be sent.
 */
export const QUALITY_CHECK_MS = 20_000;

/** Checks a photo's quality on a worker; never throws: a check that cannot run, or never answers, says `not-checked`. */
export function createQualityChecker(start: () => Worker = startQualityWorker, timeoutMs = QUALITY_CHECK_MS) {
  let worker: Worker | null = null;
  const pending = new Map<number, (quality: PhotoQuality) => void>();
  let nextId = 1;
  // Every check waiting is answered "not checked", and the worker let go: the next photo starts another.
  function giveUp(which: Worker) {
    if (worker !== which) return;
    pending.forEach((answer) => answer(UNAVAILABLE));
    pending.clear();
    which.terminate();
    worker = null;
  }
  function connect(): Worker {
    const started = start();
    started.onmessage = ({ data }: MessageEvent<QualityReply>) => {
      pending.get(data.id)?.(data.quality);
      pending.delete(data.id);
    };
    started.onerror = (event) => {
      event.preventDefault();
      giveUp(started);
    };
    started.onmessageerror = () => giveUp(started);
    return started;
  }
  return (bytes: Uint8Array): Promise<PhotoQuality> =>
    new Promise((resolve) => {
      try {
        const current = (worker ??= connect());
        const id = nextId++;
        const timer = setTimeout(() => giveUp(current), timeoutMs);
        pending.set(id, (quality) => {
          clearTimeout(timer);
          resolve(quality);
        });
        // The caller keeps its bytes: a copy crosses to the worker.
        const image = bytes.slice().buffer;
        current.postMessage({ id, image } satisfies QualityRequest, [image]);
      } catch {
        resolve(UNAVAILABLE);
      }
    });
}

/** The page's one checker; no worker starts until a photo is checked. */
export const checkPhotoQuality = createQualityChecker();
