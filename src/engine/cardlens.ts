import type { AnalysisKind, AnalysisOutcome, OcrService } from '@/api';
import type { ImageMeta, Inspected } from '@/images/preflight';
import { lazyResource } from '@/lib/lazy-resource';
import { createListeners } from '@/lib/listeners';
import type { CardReview } from '@/model/review/review-model';
import type { CardlensEvent, CardlensOptions, CardlensState, DeviceChecks, View } from './cardlens-types';
import { tableOrder } from './card-order';
import type { CardNavigation } from './card-walk';
import { createDrops } from './drops';
import { createPictures } from './pictures';
import type { BatchProgress } from './queue/batch-stats';
import { loadChecks, loadKeep, saveChecks, saveKeep } from './preferences';
import { createQueueStore } from './queue/queue-store';
import type { DecodeCheck } from './queue/queue-types';
import type { RepeatQuestion } from './queue/repeats';
import { DEFAULT_TABLE_VIEW, type TableView } from './queue/table-view';
import { createReviews } from './reviews';
import { createSecondReader } from './second-read-scheduler';
import { serviceGuesses } from './service-guesses';

export type {
  CardlensClient,
  CardlensEvent,
  CardlensOptions,
  CardlensState,
  DeviceChecks,
  View,
} from './cardlens-types';

const NOWHERE: CardNavigation = { position: null, count: 0, previous: null, next: null };

const serviceOf = (kind: AnalysisKind): OcrService => (kind === 'credit-card' ? 'credit-card' : 'id-card');

/**
 * The headless app: the queue, the card on screen and its picture, the order the table shows and
 * `]`/`[` walk, the on-device checks, reviews. Screens read its state through `getState` and
 * `subscribe` and change it only through its commands; it knows nothing of React, panels or pixels.
 */
export function createCardlens<C>(options: CardlensOptions<C>) {
  const clock = options.clock ?? { now: () => performance.now(), date: () => Date.now() };
  const { reader, storage } = options;
  const code = lazyResource(options.code);
  const listeners = createListeners();
  const events = new Set<(event: CardlensEvent) => void>();
  let connection: C | null = options.connection ?? null;
  /** The connection in use; nothing is sent, nor queued, before there is one. */
  const via = (): C => {
    if (connection === null) throw new Error('The engine has no connection yet.');
    return connection;
  };

  let own = {
    selectedId: null as string | null,
    view: 'card' as View,
    kind: 'credit-card' as AnalysisKind,
    presentation: false,
    checks: loadChecks(storage.preferences),
    threshold: 0.8,
    tableView: DEFAULT_TABLE_VIEW,
    rawPixels: false,
    repeatQuestion: null as RepeatQuestion | null,
  };
  let snapshot: CardlensState | null = null;
  const changed = () => {
    snapshot = null;
    listeners.notify();
  };

  const pictures = createPictures(
    () => code.load().then((c) => ({ decode: c.decodeForDisplay, natural: c.naturalSize })),
    changed,
    options.schedule,
  );

  async function confirmDecode(file: File, inspected: Inspected, watchedId: string | null): Promise<DecodeCheck> {
    const c = await code.load();
    const checked = await c.confirmDecodes(file, inspected, async (blob) => {
      if (watchedId === null) return c.decodeToThumbnail(blob);
      // The card on screen is decoded once, at display size: the viewer draws the same bitmap. If that
      // decode did not happen (the card left the screen first) or failed, the check decodes on its own.
      const shown = await pictures.decodeFor(watchedId, blob, inspected).catch(() => null);
      return shown ? c.thumbnailOf(shown) : c.decodeToThumbnail(blob);
    });
    return checked.ok ? { ok: true, thumbnail: Promise.resolve(checked.decoded) } : checked;
  }

  const queue = createQueueStore<C>({
    inspect: (file) => code.load().then((c) => c.inspect(file)),
    confirmDecode,
    checkBeforeSend: async (bytes, kind) => {
      if (!own.checks.preSend) return null;
      const c = await code.load();
      const [read, quality] = await Promise.all([
        reader.readCard(bytes, serviceOf(kind), { hangul: false }),
        c.checkPhotoQuality(bytes),
      ]);
      return c.preSendOutcome(read, kind, quality);
    },
    // Analyses are billed: each is sent once, and again only when the operator asks.
    analyze: (request, via) => options.client.analyze(request, via),
    answeredBy: (via, image, kind) => options.client.answeredBy(via, image, kind),
    now: clock.now,
    deferMs: options.deferMs,
    objectUrls: options.objectUrls,
  });
  queue.on((event) => events.forEach((listener) => listener(event)));
  const mayRead = () =>
    own.checks.secondRead || own.checks.preSend || (connection !== null && !!options.readsOnDevice?.(connection));
  queue.on(serviceGuesses(queue, () => code.load(), reader.readCard, mayRead));

  const reviews = createReviews({
    storage: storage.reviews,
    keepOnDevice: loadKeep(storage.preferences),
    onKeepChange: (keep) => saveKeep(storage.preferences, keep),
    now: clock.date,
    onChange: changed,
  });

  const secondReads = createSecondReader(
    async (item) => (await code.load()).secondReadOf(item.file, item.image?.sha256, item.outcome, reader.readBoxes),
    (id, read) => queue.annotate(id, read),
  );

  /** The table's order needs the table's code: until it is here, the cards in the order they came. */
  const order = tableOrder(() => code.current()?.tableRows ?? null);

  function state(): CardlensState {
    if (snapshot) return snapshot;
    const q = queue.getSnapshot();
    const r = reviews.state();
    const ordered = order(q.items, own.tableView, own.threshold);
    snapshot = {
      ...own,
      items: q.items,
      concurrency: q.concurrency,
      paused: q.paused,
      picture: pictures.current(),
      reviews: r.reviews,
      keepOnDevice: r.keepOnDevice,
      ...ordered,
      // Cards come with the heavy code, so it is here whenever there is a card to walk to.
      navigation: code.current()?.cardNavigation(ordered.order, q.items, own.selectedId) ?? NOWHERE,
      waitingElsewhere: q.items.length > 0 && connection !== null ? queue.waitingElsewhere(connection) : 0,
    };
    return snapshot;
  }

  const selected = () => state().items.find((item) => item.id === own.selectedId) ?? null;
  /** The card on screen is shown at once, decoded at display size, and its picture kept ready. */
  function follow() {
    // Only the card view draws a picture: under the batch table or the report, a display-size bitmap
    // of a phone photo (tens of megabytes) would be held for nothing through a whole batch.
    const shown = own.view === 'card' ? own.selectedId : null;
    queue.watch(shown);
    pictures.show(shown === null ? null : selected(), own.rawPixels && !own.presentation);
  }
  function setOwn(change: Partial<typeof own>) {
    own = { ...own, ...change };
    changed();
    follow();
  }

  // Second reads follow the queue a moment later, never from inside one of its notifications.
  let readsDue = false;
  function syncReads() {
    if (readsDue) return;
    readsDue = true;
    queueMicrotask(() => {
      readsDue = false;
      secondReads.sync(queue.getSnapshot().items, own.checks.secondRead);
    });
  }
  queue.subscribe(() => {
    changed();
    syncReads();
    follow();
  });
  // The table's code arriving can change the order.
  code.subscribe(changed);

  /** A service's analysis: an ID card goes to the stand-alone analysis when that is the one chosen. */
  const kindFor = (service: OcrService): AnalysisKind =>
    service === 'credit-card' ? 'credit-card' : own.kind === 'id-card-stand-alone' ? own.kind : 'id-card';
  function select(id: string | null) {
    if (id === own.selectedId) return;
    setOwn({ selectedId: id, rawPixels: false });
  }

  function queueFiles(files: readonly File[], kind: AnalysisKind): string[] {
    const ids = queue.addFiles(files, kind, via());
    setOwn({ selectedId: ids[0], rawPixels: false, ...(files.length > 1 ? { view: 'batch' as const } : {}) });
    return ids;
  }
  const drops = createDrops(queue, queueFiles, (repeatQuestion) => setOwn({ repeatQuestion }), code.load);
  /** Queues files, showing the first (a drop of several shows the batch); none yet if it may repeat the batch's. */
  function addFiles(files: readonly File[], kind: AnalysisKind = own.kind): string[] {
    if (files.length === 0) return [];
    via(); // nothing is queued, nor hashed, before there is a connection
    return drops.drop(files, kind).ids;
  }

  return {
    getState: state,
    subscribe: listeners.subscribe,
    on: (listener: (event: CardlensEvent) => void): (() => void) => {
      events.add(listener);
      return () => events.delete(listener);
    },

    // What the operator chooses.
    setKind: (kind: AnalysisKind) => setOwn({ kind }),
    setPresentation: (presentation: boolean) => setOwn({ presentation }),
    setView: (view: View) => setOwn({ view }),
    setThreshold: (threshold: number) => setOwn({ threshold }),
    setTableView: (tableView: TableView) => {
      setOwn({ tableView });
      void code.load().catch(() => undefined); // the order needs the table's code
    },
    setRawPixels: (rawPixels: boolean) => setOwn({ rawPixels }),
    setChecks: (change: Partial<DeviceChecks>) => {
      const checks = { ...own.checks, ...change };
      saveChecks(storage.preferences, checks);
      setOwn({ checks });
      syncReads();
    },

    // Cards.
    addFiles,
    /** The operator's answer to `repeatQuestion`: send the repeats again, skip them, or drop nothing. */
    answerRepeats: drops.answer,
    /** A specimen goes to its own service (an ID specimen to the stand-alone analysis if that is chosen). */
    addSpecimen: (file: File, service: OcrService): string[] => {
      const kind = kindFor(service);
      own = { ...own, kind };
      return addFiles([file], kind);
    },
    /** A card from an imported session: already analysed, so nothing is sent. */
    addImported: (file: File, image: ImageMeta, outcome: AnalysisOutcome, thumbnail: Blob) => {
      const id = queue.addImported(file, image, outcome, thumbnail);
      if (own.selectedId === null) select(id);
    },
    select,
    /** Moves `delta` cards through the table's order; nothing happens past either end. */
    step: (delta: number) => {
      const { order, items } = state();
      const at = own.selectedId === null ? -1 : order.indexOf(own.selectedId);
      // Before the heavy code is here (a moment after the first drop), every card is walked.
      const c = code.current();
      const next = c ? c.stepThrough(order, items, own.selectedId, delta) : at < 0 ? null : order[at + delta];
      if (next) select(next);
    },
    cancel: (id: string) => queue.cancel(id),
    cancelRest: () => queue.cancelRest(),
    retry: (id: string) => queue.retry(id, via()),
    /** Sends a failed card again, to the service it looks like (`looksLike`). */
    sendAs: (id: string) => {
      const looksLike = state().items.find((item) => item.id === id)?.looksLike;
      if (looksLike) queue.retry(id, via(), kindFor(looksLike));
    },
    retryFailed: () => queue.retryFailed(via()),
    /** Sends every cancelled card again, in the order they came, through the connection set now. */
    resumeCancelled: () => queue.resumeCancelled(via()),
    /** The batch's figures now, by the engine's clock; null until the table's code is here. */
    progress: (): BatchProgress | null => code.current()?.batchProgress(state().items, clock.now()) ?? null,
    sendAnyway: (id: string) => queue.sendAnyway(id, via()),
    clearFinished: () => queue.clearFinished(own.selectedId),
    setConcurrency: (n: number) => queue.setConcurrency(n),
    setPaused: (paused: boolean) => queue.setPaused(paused),
    markExported: (ids: readonly string[]) => queue.markExported(ids),

    // The connection.
    /** The connection new cards go through; a batch already started keeps its own until moved. */
    setConnection: (next: C) => {
      if (next === connection) return;
      connection = next;
      changed();
    },
    applyConnectionToRest: () => queue.moveWaitingTo(via()),

    // Reviews.
    setKeepOnDevice: reviews.setKeepOnDevice,
    setFieldVerdict: reviews.setFieldVerdict,
    setCardVerdict: reviews.setCardVerdict,
    importReviews: (imported: readonly CardReview[]) => reviews.importReviews(imported),

    /** Loads the heavy code now (the app does while the browser is idle). */
    prefetch: () => code.load().then(() => undefined),
    /** How many cards hold their bytes in memory now; for tests and benchmarks. */
    heldInMemory: () => queue.heldInMemory(),
    dispose: () => {
      queue.dispose();
      pictures.dispose();
    },
  };
}

export type CardlensEngine<C> = ReturnType<typeof createCardlens<C>>;
/** The engine as screens see it: every command but choosing the connection, which the app does. */
export type Cardlens = Omit<CardlensEngine<unknown>, 'setConnection'>;
