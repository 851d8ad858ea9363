import type { OcrService } from '@/api/types';
import { createListeners } from '@/lib/listeners';
import { lazyResource } from '@/lib/lazy-resource';
import type { Quad } from '@/lib/quad';
import type { ReaderCommand, ReaderReply } from './protocol';
import type {
  DeviceBoxesRead,
  DeviceRead,
  DeviceWarm,
  ReadBoxesOptions,
  ReadCardOptions,
  ReaderDownload,
  ReaderService,
} from './types';

type Command = ReaderCommand extends infer C ? (C extends ReaderCommand ? Omit<C, 'id'> : never) : never;

/** The page's end of one reader worker: numbered requests, and the download's progress. */
interface Connection {
  ask: (command: Command, transfer: Transferable[]) => Promise<DeviceRead | DeviceBoxesRead | DeviceWarm>;
  close: () => void;
}

function connect(worker: Worker, onProgress: (progress: ReaderDownload) => void, onCrash: () => void): Connection {
  const pending = new Map<
    number,
    { resolve: (value: DeviceRead | DeviceBoxesRead | DeviceWarm) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<ReaderReply>) => {
    const reply = event.data;
    if ('progress' in reply) return onProgress(reply.progress);
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok) waiting?.resolve(reply.value);
    else waiting?.reject(new Error(reply.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(event.message || 'the reader’s worker stopped');
    pending.forEach((p) => p.reject(error));
    pending.clear();
    onCrash();
  };
  return {
    ask: (command, transfer) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        worker.postMessage({ ...command, id }, transfer);
      }),
    close: () => worker.terminate(),
  };
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The on-device reader as a service of its own: one worker, started at the first read and kept. A
 * worker that fails to start, or dies, is let go; the next read starts another. Reads never throw:
 * one that cannot happen answers `unavailable`, saying why.
 */
export function createReaderService(startWorker: () => Worker): ReaderService {
  const progress = createListeners();
  let lastProgress: ReaderDownload | null = null;
  const worker = lazyResource(() =>
    Promise.resolve().then(() =>
      connect(
        startWorker(),
        (next) => {
          lastProgress = next;
          progress.notify();
        },
        () => worker.reset()?.close(),
      ),
    ),
  );

  async function ask<T extends DeviceRead | DeviceBoxesRead | DeviceWarm>(command: Command, transfer: Transferable[]) {
    try {
      return (await (await worker.load()).ask(command, transfer)) as T;
    } catch (error) {
      return { kind: 'unavailable', why: message(error) } as const;
    }
  }
  // The caller keeps its bytes: a copy crosses to the worker, transferred rather than copied again.
  const copy = (image: Uint8Array) => image.slice().buffer;

  return {
    readCard(image: Uint8Array, service: OcrService, options?: ReadCardOptions) {
      const buffer = copy(image);
      const hangul = options?.hangul !== false;
      return ask<DeviceRead>({ kind: 'read-card', image: buffer, service, hangul }, [buffer]);
    },
    readBoxes(image: Uint8Array, boxes: readonly Quad[], options?: ReadBoxesOptions) {
      const buffer = copy(image);
      const hangul = boxes.map((_, i) => options?.hangul?.[i] === true);
      return ask<DeviceBoxesRead>({ kind: 'read-boxes', image: buffer, boxes: [...boxes], hangul }, [buffer]);
    },
    warm: () => ask<DeviceWarm>({ kind: 'warm' }, []),
    onDownload(listener) {
      return progress.subscribe(() => lastProgress && listener(lastProgress));
    },
  };
}

/** The browser's reader worker, from the app's own origin. */
export const startReaderWorker = (): Worker =>
  new Worker(new URL('./reader-worker.ts', import.meta.url), { type: 'module', name: 'cardlens-reader' });
