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

/** Checks a photo's quality on a worker; never throws: a check that cannot run says `not-checked`. */
export function createQualityChecker(start: () => Worker = startQualityWorker) {
  let worker: Worker | null = null;
  const pending = new Map<number, (quality: PhotoQuality) => void>();
  let nextId = 1;
  function connect(): Worker {
    const started = start();
    started.onmessage = ({ data }: MessageEvent<QualityReply>) => {
      pending.get(data.id)?.(data.quality);
      pending.delete(data.id);
    };
    started.onerror = (event) => {
      event.preventDefault();
      pending.forEach((answer) => answer(UNAVAILABLE));
      pending.clear();
      started.terminate();
      worker = null;
    };
    return started;
  }
  return (bytes: Uint8Array): Promise<PhotoQuality> =>
    new Promise((resolve) => {
      try {
        worker ??= connect();
        const id = nextId++;
        pending.set(id, resolve);
        // The caller keeps its bytes: a copy crosses to the worker.
        const image = bytes.slice().buffer;
        worker.postMessage({ id, image } satisfies QualityRequest, [image]);
      } catch {
        resolve(UNAVAILABLE);
      }
    });
}

/** The page's one checker; no worker starts until a photo is checked. */
export const checkPhotoQuality = createQualityChecker();
