import { OcrError, type AnalysisOutcome, type AnalyzeVariables } from '@/api';
import { fileExtension } from '@/lib/image-format';
import { limit } from '@/lib/limit';
import type { Inspected, PreflightRejected } from './preflight';
import { inProgress, metaOf, type ImageMeta, type QueueItem } from './queue-item';

/** The decode that proves every pixel is there, and the thumbnail it makes on the way. */
export type DecodeCheck = { ok: true; thumbnail: Promise<Blob> } | PreflightRejected;

export interface QueueDeps {
  /** Reads, hashes and checks the header; cheap next to a decode. Never throws. */
  inspect: (file: File) => Promise<Inspected | PreflightRejected>;
  /** Decodes the whole image; `watched` is true for the card on screen, which is decoded at display size. */
  confirmDecode: (file: File, inspected: Inspected, watched: boolean) => Promise<DecodeCheck>;
  /** Sends one card; the queue never calls it for more than `concurrency` cards at once. */
  analyze: (request: AnalyzeVariables) => Promise<AnalysisOutcome>;
  /** Monotonic milliseconds, for the items' start and finish times. */
  now?: () => number;
  /** Files inspected and decoded at once. */
  checkingSlots?: number;
  /** How long a change to a card that is not watched may wait before listeners hear of it. */
  deferMs?: number;
  objectUrls?: { create: (blob: Blob) => string; revoke: (url: string) => void };
}

export interface QueueState {
  readonly items: readonly QueueItem[];
  readonly concurrency: number;
  readonly paused: boolean;
}

/** What the screens may need to react to; the queue itself knows nothing of panels or selection. */
export type QueueEvent = { type: 'failed'; id: string; error: unknown };

export const DEFAULT_CONCURRENCY = 2;
export const MAX_CONCURRENCY = 8;
const DEFER_MS = 100;

/** Stops a request whose image turned out not to decode; nothing was sent. */
class RefusedAfterDecode extends Error {}

const browserObjectUrls = {
  create: (blob: Blob) => URL.createObjectURL(blob),
  revoke: (url: string) => URL.revokeObjectURL(url),
};

export type QueueStore = ReturnType<typeof createQueueStore>;

/**
 * Files in, preflight, then up to `concurrency` requests at a time, in drop order. Rejections never
 * block the queue. Plain TypeScript: React reads it through useSyncExternalStore.
 */
export function createQueueStore(deps: QueueDeps) {
  const now = deps.now ?? (() => performance.now());
  const deferMs = deps.deferMs ?? DEFER_MS;
  const objectUrls = deps.objectUrls ?? browserObjectUrls;
  // Checked a few at a time in drop order: two hundred files read, hashed and decoded at once
  // would hold the first request back behind all of them.
  const checking = limit(deps.checkingSlots ?? 2);

  // `live` is the queue as of now: requests start the moment a slot frees, not after a render.
  // Listeners see `published`, which trails it by at most deferMs for cards nobody is watching.
  let live: QueueState = { items: [], concurrency: DEFAULT_CONCURRENCY, paused: false };
  let published = live;
  let publishLater: ReturnType<typeof setTimeout> | null = null;
  const listeners = new Set<() => void>();
  const eventListeners = new Set<(event: QueueEvent) => void>();
  const controllers = new Map<string, AbortController>();
  const bytes = new Map<string, Uint8Array>();
  /** Whether each checked image decoded; a request waits for this before it leaves. */
  const decoded = new Map<string, Promise<boolean>>();
  let watched: string | null = null;
  let nextId = 1;
  let nextOrder = 0;

  function publish() {
    if (publishLater !== null) clearTimeout(publishLater);
    publishLater = null;
    published = live;
    listeners.forEach((listener) => listener());
  }

  /** The watched card shows each change at once; the rest of a batch is shown together. */
  function commit(next: QueueState, urgent: boolean) {
    live = next;
    const settled = !live.items.some((item) => inProgress(item.status));
    if (urgent || settled) publish();
    else publishLater ??= setTimeout(publish, deferMs);
  }

  function setItems(change: (items: readonly QueueItem[]) => readonly QueueItem[], urgent = true) {
    commit({ ...live, items: change(live.items) }, urgent);
  }

  function patch(id: string, change: Partial<QueueItem>) {
    setItems((items) => items.map((item) => (item.id === id ? { ...item, ...change } : item)), id === watched);
  }

  const find = (id: string) => live.items.find((item) => item.id === id);

  /** Inspects, queues, then decodes; resolves when the decode is done, freeing a checking slot. */
  async function check(item: QueueItem): Promise<unknown> {
    const inspected = await deps.inspect(item.file);
    if (!inspected.ok) {
      patch(item.id, { status: 'rejected', rejection: inspected.reason });
      return;
    }
    // Queued now: its request may encrypt while the pixels decode, but is sent only if they do.
    bytes.set(item.id, inspected.bytes);
    const decodes = deps.confirmDecode(item.file, inspected, item.id === watched).then((checked) => {
      if (!checked.ok) {
        bytes.delete(item.id);
        patch(item.id, { status: 'rejected', rejection: checked.reason, stage: undefined });
        return false;
      }
      void checked.thumbnail.then(
        (thumbnail) => patch(item.id, { thumbnail: objectUrls.create(thumbnail) }),
        () => undefined,
      );
      return true;
    });
    decoded.set(item.id, decodes);
    patch(item.id, { status: 'queued', image: metaOf(inspected) });
    pump();
    return decodes;
  }

  function finish(id: string, change: Partial<QueueItem>) {
    patch(id, { ...change, stage: undefined, finishedAt: now() });
  }

  function start(item: QueueItem & { image: ImageMeta }, data: Uint8Array) {
    const controller = new AbortController();
    controllers.set(item.id, controller);
    patch(item.id, {
      status: 'working',
      stage: 'preparing',
      error: undefined,
      startedAt: now(),
      finishedAt: undefined,
    });
    deps
      .analyze({
        kind: item.kind,
        // A neutral name: the user's often names a person. The service reads the type from the extension.
        image: { bytes: data, fileName: `image.${fileExtension(item.image.format)}` },
        signal: controller.signal,
        onStage: (stage) => item.id === watched && patch(item.id, { stage }),
        beforeSend: async () => {
          if (!(await (decoded.get(item.id) ?? true))) throw new RefusedAfterDecode();
        },
      })
      .then(
        (outcome) => {
          bytes.delete(item.id); // sent: the bytes are not needed again unless retried from the file
          decoded.delete(item.id);
          finish(item.id, { status: 'done', outcome });
        },
        (error: unknown) => {
          if (error instanceof RefusedAfterDecode) return; // already marked rejected, with the reason
          const cancelled = error instanceof OcrError && error.kind === 'aborted';
          finish(item.id, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? undefined : error });
          if (!cancelled) eventListeners.forEach((listener) => listener({ type: 'failed', id: item.id, error }));
        },
      )
      .finally(() => {
        controllers.delete(item.id);
        pump();
      });
  }

  /** Starts queued items, in drop order, while there is room. */
  function pump() {
    if (live.paused) return;
    let room = live.concurrency - live.items.filter((item) => item.status === 'working').length;
    for (const item of live.items) {
      if (room <= 0) break;
      const data = bytes.get(item.id);
      if (item.status !== 'queued' || !data || !item.image) continue;
      start({ ...item, image: item.image }, data);
      room--;
    }
  }

  function retry(id: string): Promise<void> {
    const item = find(id);
    if (!item) return Promise.resolve();
    // The bytes were released after sending; read them again from the file the user chose.
    const ready = bytes.has(id)
      ? Promise.resolve()
      : item.file.arrayBuffer().then((b) => void bytes.set(id, new Uint8Array(b)));
    return ready.then(() => {
      patch(id, { status: 'queued', error: undefined, outcome: undefined });
      pump();
    });
  }

  function newItem(file: File, change: Omit<QueueItem, 'id' | 'order' | 'file'>): QueueItem {
    return { id: `item-${nextId++}`, order: nextOrder++, file, ...change };
  }

  return {
    subscribe: (listener: () => void): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: (): QueueState => published,
    on: (listener: (event: QueueEvent) => void): (() => void) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },

    /** The card someone is looking at: its changes are shown at once, and it is decoded for display. */
    watch: (id: string | null) => {
      watched = id;
    },

    /** Queues files for checking; returns the new items' ids in drop order. */
    addFiles: (files: readonly File[], kind: QueueItem['kind']): string[] => {
      const added = files.map((file) => newItem(file, { kind, status: 'checking' }));
      setItems((items) => [...items, ...added]);
      for (const item of added) void checking(() => check(item));
      return added.map((item) => item.id);
    },

    /** A card from an imported session: already analysed, so nothing is sent. */
    addImported: (file: File, checked: Inspected, outcome: AnalysisOutcome, thumbnail: Blob): string => {
      const item = newItem(file, {
        kind: outcome.kind,
        status: 'done',
        image: metaOf(checked),
        outcome,
        thumbnail: objectUrls.create(thumbnail),
      });
      setItems((items) => [...items, item]);
      return item.id;
    },

    cancel: (id: string) => {
      controllers.get(id)?.abort();
      setItems((items) =>
        items.map((item) => (item.id === id && item.status === 'queued' ? { ...item, status: 'cancelled' } : item)),
      );
    },

    cancelRest: () => {
      setItems((items) => items.map((item) => (item.status === 'queued' ? { ...item, status: 'cancelled' } : item)));
      controllers.forEach((controller) => controller.abort());
    },

    retry,

    retryFailed: (): Promise<void> => {
      const failed = live.items.filter((item) => item.status === 'failed');
      return Promise.all(failed.map((item) => retry(item.id))).then(() => undefined);
    },

    /** Drops every finished card but `keep` (the one on screen), releasing what each held. */
    clearFinished: (keep: string | null) => {
      setItems((items) =>
        items.filter((item) => {
          if (item.id === keep || inProgress(item.status)) return true;
          if (item.thumbnail) objectUrls.revoke(item.thumbnail);
          bytes.delete(item.id);
          decoded.delete(item.id);
          return false;
        }),
      );
    },

    setConcurrency: (n: number) => {
      commit({ ...live, concurrency: Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(n))) }, true);
      pump();
    },

    setPaused: (paused: boolean) => {
      commit({ ...live, paused }, true);
      pump();
    },

    /** Aborts whatever is in flight; for tests and teardown. */
    dispose: () => {
      controllers.forEach((controller) => controller.abort());
      if (publishLater !== null) clearTimeout(publishLater);
    },
  };
}
