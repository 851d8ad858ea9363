import { expect, it } from 'vitest';
import type { PhotoQuality } from '@/model/second-read/photo-quality';
import { createQualityChecker, type QualityRequest } from './photo-quality-client';

/** A worker that answers as it is told, or dies. */
function fakeWorker(answer: (request: QualityRequest) => PhotoQuality | 'die' | 'hang') {
  const started: { posted: number; terminated: boolean }[] = [];
  const start = () => {
    const record = { posted: 0, terminated: false };
    started.push(record);
    const worker = {
      onmessage: null as ((event: MessageEvent) => void) | null,
      onerror: null as ((event: ErrorEvent) => void) | null,
      postMessage(request: QualityRequest) {
        record.posted++;
        const said = answer(request);
        if (said === 'hang') return;
        queueMicrotask(() =>
          said === 'die'
            ? worker.onerror?.({ preventDefault: () => undefined } as ErrorEvent)
            : worker.onmessage?.({ data: { id: request.id, quality: said } } as MessageEvent),
        );
      },
      terminate: () => (record.terminated = true),
    };
    return worker as unknown as Worker;
  };
  return { start, started };
}

it('asks one worker for every photo, and says not checked, never fine, when the worker dies', async () => {
  const fine: PhotoQuality = { kind: 'checked', hints: [], sharpness: 900, glare: 0 };
  let die = false;
  const { start, started } = fakeWorker(() => (die ? 'die' : fine));
  const check = createQualityChecker(start);
  const bytes = new Uint8Array([1, 2, 3]);
  expect(await check(bytes)).toEqual(fine);
  expect(await check(bytes)).toEqual(fine);
  expect(started).toEqual([{ posted: 2, terminated: false }]);
  expect(bytes).toEqual(new Uint8Array([1, 2, 3])); // the caller's bytes stay whole
  die = true;
  expect(await check(bytes)).toEqual({ kind: 'not-checked', why: 'unavailable' });
  die = false;
  expect(await check(bytes)).toEqual(fine); // another worker
  expect(started).toEqual([
    { posted: 3, terminated: true },
    { posted: 1, terminated: false },
  ]);
});

it('says not checked when no worker can start', async () => {
  const check = createQualityChecker(() => {
    throw new Error('no workers here');
  });
  expect(await check(new Uint8Array(4))).toEqual({ kind: 'not-checked', why: 'unavailable' });
});

it('says not checked when the worker never answers, and starts another for the next photo', async () => {
  const fine: PhotoQuality = { kind: 'checked', hints: [], sharpness: 900, glare: 0 };
  let hang = true;
  const { start, started } = fakeWorker(() => (hang ? 'hang' : fine));
  const check = createQualityChecker(start, 20);
  expect(await check(new Uint8Array(4))).toEqual({ kind: 'not-checked', why: 'unavailable' });
  hang = false;
  expect(await check(new Uint8Array(4))).toEqual(fine);
  expect(started).toEqual([
    { posted: 1, terminated: true },
    { posted: 1, terminated: false },
  ]);
});
