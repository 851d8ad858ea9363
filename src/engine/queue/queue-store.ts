import type { AnalysisOutcome } from '@/api';
import { limit } from '@/lib/limit';
import { analysisRequest, RefusedAfterDecode } from './analysis-request';
import { createBatchConnections } from './batch-connections';
import { createInFlight } from './in-flight';
import { inProgress, passedCheck, RETRY_CLEARS, type QueueItem } from './queue-item';
import { metaOf, type ImageMeta } from '@/images/image-meta';
import { createPublisher } from './queue-publisher';
import { BLOB_URLS, concurrencyOf, INITIAL_QUEUE } from './queue-types';
import type { QueueDeps, QueueEvent, QueueState } from './queue-types';
import { endedBy, FILE_GONE, fromFile, isRetryable, stillReadable } from './retry-policy';

/** Cards whose bytes may be held at once beyond those in flight: read ahead, but not the whole drop. */
const READ_AHEAD = 4;

/**
 * Files in, preflight, then up to `concurrency` requests at a time, in drop order. Only a window of
 * cards ahead of the sends is read and decoded, and every end state releases the card's bytes, so a
 * drop of thousands of photos holds a handful in memory.
 */
export function createQueueStore<C>(deps: QueueDeps<C>) {
  const now = deps.now ?? (() => performance.now());
  const objectUrls = deps.objectUrls ?? BLOB_URLS;
  const checkingSlots = deps.checkingSlots ?? 2;
  const decoding = limit(deps.decodeSlots ?? 2);
  const publisher = createPublisher<QueueState>(
    INITIAL_QUEUE,
    (state) => !state.items.some((item) => inProgress(item.status)),
    deps.deferMs,
  );
  const eventListeners = new Set<(event: QueueEvent) => void>();
  const flights = createInFlight();
  const bytes = new Map<string, Uint8Array>();
  /** Whether each checked image decoded; a request waits for this before it leaves. */
  const decoded = new Map<string, Promise<boolean>>();
  /** Cards being read and hashed now. */
  const reading = new Set<string>();
  const connections = createBatchConnections<C>();
  let watched: string | null = null;
  let nextId = 1;
  let nextOrder = 0;

  const live = () => publisher.live();
  const setItems = (change: (items: readonly QueueItem[]) => readonly QueueItem[], urgent = true) =>
    publisher.commit({ ...live(), items: change(live().items) }, urgent);
  const patch = (id: string, change: Partial<QueueItem>) =>
    setItems((items) => items.map((item) => (item.id === id ? { ...item, ...change } : item)), id === watched);
  const find = (id: string) => live().items.find((item) => item.id === id);

  /** Forgets a card's bytes; whatever it was waiting for, it will not be sent from them. */
  function release(id: string) {
    bytes.delete(id);
    decoded.delete(id);
  }

  /** Starts reading the next cards in drop order while the window ahead of the sends has room. */
  function readAhead() {
    const window = live().concurrency + READ_AHEAD;
    for (const item of live().items) {
      if (reading.size >= checkingSlots || reading.size + bytes.size >= window) return;
      if (item.status !== 'checking' || reading.has(item.id)) continue;
      reading.add(item.id);
      // A check that throws (from a page that may send nothing, say) ends the card, with the reason.
      void check(item)
        .catch((error: unknown) => find(item.id)?.status === 'checking' && finish(item.id, endedBy(error, 'check')))
        .finally(() => {
          reading.delete(item.id);
          readAhead();
        });
    }
  }

  /** Inspects and queues a card, then proves it decodes; a card cancelled meanwhile is let go. */
  async function check(item: QueueItem): Promise<void> {
    const retried = item.image;
    if (retried && !(await stillReadable(item.file)))
      return patch(item.id, { status: 'rejected', rejection: FILE_GONE });
    const inspected = await deps.inspect(item.file);
    if (find(item.id)?.status !== 'checking') return; // cancelled or cleared while it was read
    if (!inspected.ok) return patch(item.id, { status: 'rejected', rejection: inspected.reason });
    // Queued now: its request may encrypt while the pixels decode, but is sent only if they do.
    bytes.set(item.id, inspected.bytes);
    const changed = retried && retried.sha256 !== inspected.sha256;
    // A cancel or a retry since makes this attempt stale: it must not touch the card's newer state.
    const mine = (): boolean => decoded.get(item.id) === decodes;
    /** Ends a card that will not be sent; a request already encrypting stops at beforeSend. */
    const refuse = (change: Partial<QueueItem>) => {
      if (!mine()) return false;
      release(item.id);
      if (flights.aborted(item.id)) return false; // cancelled meanwhile: the abort ends it
      // A request already encrypting would stop at beforeSend; stopped now, it cannot outlive this attempt.
      flights.abandon(item.id);
      const status = find(item.id)?.status;
      if (status === 'queued' || status === 'working') patch(item.id, { ...change, stage: undefined });
      readAhead();
      return false;
    };
    const decodes: Promise<boolean> = decoding(() =>
      deps.confirmDecode(item.file, inspected, item.id === watched ? item.id : null),
    ).then(async (checked) => {
      if (!checked.ok) {
        // A file gone from the disk since it was read fails its decode too: say that, not that it is corrupt.
        const rejection = (await stillReadable(item.file)) ? checked.reason : FILE_GONE;
        return refuse({ status: 'rejected', rejection });
      }
      void checked.thumbnail.then((t) => replaceThumbnail(item.id, t), ignore);
      const verdict = item.unchecked || !mine() ? null : await deps.checkBeforeSend?.(inspected.bytes, item.kind);
      if (verdict?.hold) return refuse({ status: 'held', ...verdict });
      if (verdict && mine()) patch(item.id, passedCheck(find(item.id), verdict));
      return mine();
    });
    decoded.set(item.id, decodes);
    patch(item.id, { status: 'queued', image: metaOf(inspected), ...fromFile(!!changed, inspected.caution) });
    pump();
  }

  function replaceThumbnail(id: string, thumbnail: Blob) {
    const old = find(id)?.thumbnail; // a card cleared while it decoded gets no URL, so none leaks
    if (find(id)) patch(id, { thumbnail: objectUrls.create(thumbnail) });
    if (old) objectUrls.revoke(old);
  }

  function finish(id: string, change: Partial<QueueItem>) {
    release(id);
    patch(id, { ...change, stage: undefined, finishedAt: now() });
    readAhead();
    if (change.status === 'failed')
      eventListeners.forEach((listen) => listen({ type: 'failed', id, error: change.error }));
  }

  function start(item: QueueItem & { image: ImageMeta }, data: Uint8Array) {
    const { signal, current, end } = flights.begin(item.id);
    // The decode this request was queued behind, not a later attempt's.
    const decodes = decoded.get(item.id);
    patch(item.id, {
      status: 'working',
      stage: 'preparing',
      error: undefined,
      startedAt: now(),
      finishedAt: undefined,
    });
    const request = analysisRequest(item, data, signal, {
      onStage: (stage) => item.id === watched && patch(item.id, { stage }),
      beforeSend: async () => {
        const decodable = await (decodes ?? true);
        // A failed decode releases the card, and its verdict with it: the status still tells.
        if (!decodable || !current() || find(item.id)?.status !== 'working') throw new RefusedAfterDecode();
      },
    });
    const connection = connections.of(item.id);
    deps
      .analyze(request, connection)
      .then(async (outcome) => ({ outcome, answeredBy: await deps.answeredBy(connection, item.image, item.kind) }))
      .then(
        (answer) => current() && finish(item.id, { status: 'done', ...answer }),
        (error: unknown) => {
          if (error instanceof RefusedAfterDecode || !current()) return; // the card has moved on, with its reason
          finish(item.id, endedBy(error, 'request'));
        },
      )
      .finally(() => {
        end();
        pump();
      });
  }

  /** Starts queued items, in drop order, while there is room. */
  function pump() {
    const { items, paused, concurrency } = live();
    if (paused) return;
    let room = concurrency - items.filter((item) => item.status === 'working').length;
    for (const item of items) {
      if (room <= 0) break;
      const data = bytes.get(item.id);
      if (item.status !== 'queued' || !data || !item.image) continue;
      start({ ...item, image: item.image }, data);
      room--;
    }
  }

  /** Every card not yet in flight ends cancelled, whatever it was waiting for; cards in flight are aborted. */
  function cancelWhere(test: (item: QueueItem) => boolean) {
    const stopped = live().items.filter((item) => test(item) && inProgress(item.status));
    stopped.forEach((item) => flights.abort(item.id));
    const waiting = new Set(stopped.filter((item) => item.status !== 'working').map((item) => item.id));
    waiting.forEach(release);
    setItems((items) =>
      items.map((item) => (waiting.has(item.id) ? { ...item, status: 'cancelled', stage: undefined } : item)),
    );
    readAhead();
  }

  /** A new concurrency or pause: reading ahead and sending follow it at once. */
  function reconfigure(change: Partial<QueueState>) {
    publisher.commit({ ...live(), ...change }, true);
    readAhead();
    pump();
  }

  /** Sends a finished card again, through `connection` (the one in use now, perhaps mended since), to `kind`. */
  function retry(id: string, connection: C, kind?: QueueItem['kind']) {
    const item = find(id);
    if (!item || inProgress(item.status)) return;
    connections.set(id, connection);
    // Read, hashed and decoded again from the file the user chose: it may have changed or gone.
    patch(id, { status: 'checking', ...RETRY_CLEARS, ...(kind && { kind }) });
    readAhead();
  }

  const retryWhere = (test: (item: QueueItem) => boolean, via: C) =>
    live().items.forEach((item) => test(item) && retry(item.id, via));

  function newItem(file: File, change: Omit<QueueItem, 'id' | 'order' | 'file'>): QueueItem {
    return { id: `item-${nextId++}`, order: nextOrder++, file, ...change };
  }

  return {
    subscribe: publisher.subscribe,
    getSnapshot: publisher.getSnapshot,
    on: (listener: (event: QueueEvent) => void): (() => void) => {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    /** The card someone is looking at: its changes are shown at once, and it is decoded for display. */
    watch: (id: string | null) => {
      watched = id;
    },
    /** Queues files to be sent through `connection`; returns the new items' ids in drop order. */
    addFiles: (files: readonly File[], kind: QueueItem['kind'], connection: C): string[] => {
      const added = files.map((file) => newItem(file, { kind, status: 'checking' }));
      added.forEach((item) => connections.set(item.id, connection));
      setItems((items) => [...items, ...added]);
      readAhead();
      return added.map((item) => item.id);
    },
    /** A card from an imported session: already analysed, so nothing is sent. */
    addImported: (file: File, checked: ImageMeta, outcome: AnalysisOutcome, thumbnail: Blob): string => {
      // It came from an exported session, so it is saved already.
      const done = { kind: outcome.kind, status: 'done', outcome, answeredBy: 'imported', exported: true } as const;
      const item = newItem(file, { ...done, image: metaOf(checked) });
      setItems((items) => [...items, { ...item, thumbnail: objectUrls.create(thumbnail) }]);
      return item.id;
    },
    /** How many cards not yet in flight still use a connection other than `connection`. */
    waitingElsewhere: (connection: C): number => connections.waitingElsewhere(live().items, connection),
    /** Sends every card not yet in flight through `connection` instead. */
    moveWaitingTo: (connection: C) => {
      connections.moveWaitingTo(live().items, connection);
      publisher.commit({ ...live() }, true);
    },
    /** Results that left the page in an export: leaving the page no longer loses them. */
    markExported: (ids: readonly string[]) => {
      const exported = new Set(ids);
      setItems((items) => items.map((item) => (exported.has(item.id) ? { ...item, exported: true } : item)));
    },
    cancel: (id: string) => cancelWhere((item) => item.id === id),
    cancelRest: () => cancelWhere(() => true),
    retry,
    /** Sends a card the check before sending held, without that check. */
    sendAnyway: (id: string, connection: C) => {
      if (find(id)?.status !== 'held') return;
      patch(id, { unchecked: true });
      retry(id, connection);
    },
    /** Says which service a failed card looks like, if it still failed with `error` (not retried since). */
    suggestService: (id: string, error: unknown, looksLike: NonNullable<QueueItem['looksLike']>) =>
      void (find(id)?.status === 'failed' && find(id)?.error === error && patch(id, { looksLike })),
    /** Records the device's second read of a card's answer (undefined: forget it). */
    annotate: (id: string, secondRead: QueueItem['secondRead']) => patch(id, { secondRead }),
    /** Retries every failed card whose failure another try could change. */
    retryFailed: (connection: C) =>
      retryWhere((item) => item.status === 'failed' && isRetryable(item.error), connection),
    /** Sends every cancelled card again, from its file, as a retry does. */
    resumeCancelled: (connection: C) => retryWhere((item) => item.status === 'cancelled', connection),
    /** Drops every finished card but `keep` (the one on screen), releasing what each held. */
    clearFinished: (keep: string | null) => {
      setItems((items) =>
        items.filter((item) => {
          if (item.id === keep || inProgress(item.status)) return true;
          if (item.thumbnail) objectUrls.revoke(item.thumbnail);
          release(item.id);
          connections.forget(item.id);
          return false;
        }),
      );
    },
    setConcurrency: (n: number) => reconfigure({ concurrency: concurrencyOf(n) }),
    setPaused: (paused: boolean) => reconfigure({ paused }),
    /** How many cards hold their bytes in memory now: the window ahead of the sends, and those in flight. */
    heldInMemory: () => bytes.size + reading.size,
    /** Aborts whatever is in flight; for tests and teardown. */
    dispose: () => {
      flights.abortAll();
      publisher.dispose();
    },
  };
}

const ignore = () => undefined;
