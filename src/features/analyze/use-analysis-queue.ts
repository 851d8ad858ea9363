import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  analyzeMutationOptions,
  OcrError,
  type AnalysisKind,
  type AnalysisOutcome,
  type AnalysisStage,
  type Localised,
} from '@/api';
import { useConnection } from '@/features/connection/connection-context';
import { decodeForDisplay, shareDecode } from './display-decode';
import { confirmDecodes, inspect, type Decode, type Inspected, type PreflightPassed } from './preflight';
import { limit } from '@/lib/limit';
import { summarise, type ResultSummary } from './result-rows';
import { decodeToThumbnail, thumbnailOf } from './thumbnail';

export type ItemStatus = 'checking' | 'queued' | 'working' | 'done' | 'failed' | 'rejected' | 'cancelled';

/** Still on its way: being checked, waiting for a slot, or in flight. Every other status is final. */
export const inProgress = (status: ItemStatus) => status === 'checking' || status === 'queued' || status === 'working';

/** What is known of an image after preflight; its bytes are held only until they are sent. */
export type ImageMeta = Omit<PreflightPassed, 'ok' | 'bytes' | 'thumbnail'>;

export interface QueueItem {
  id: string;
  order: number;
  file: File;
  kind: AnalysisKind;
  status: ItemStatus;
  stage?: AnalysisStage;
  image?: ImageMeta;
  rejection?: Localised;
  error?: unknown;
  outcome?: AnalysisOutcome;
  summary?: ResultSummary;
  /** A small object URL; full-size bitmaps exist only for the card in the viewer. */
  thumbnail?: string;
  startedAt?: number;
  finishedAt?: number;
}

/** What the queue keeps of a preflight: everything but the bytes. */
export function metaOf(checked: Inspected): ImageMeta {
  const { sha256, format, width, height, orientation, lowResolution } = checked;
  return { sha256, format, width, height, orientation, lowResolution };
}

/** Stops a request whose image turned out not to decode; nothing was sent. */
class RefusedAfterDecode extends Error {}

export const DEFAULT_CONCURRENCY = 2;
const BACKGROUND_RENDER_MS = 100;
export const MAX_CONCURRENCY = 8;
let nextId = 1;

/** Files in, preflight, then up to `concurrency` requests at a time. Rejections never block the queue. */
export function useAnalysisQueue() {
  const { client, identity, setPanelOpen } = useConnection();
  const { mutateAsync } = useMutation(analyzeMutationOptions(client, identity));
  const [items, setItems] = useState<QueueItem[]>([]);
  // The queue as of now, not as of the last render: requests start the moment a slot frees, not
  // after React has rendered the change. On a busy page that wait was a fifth of a batch's time.
  const live = useRef<QueueItem[]>([]);
  // The card on screen renders each change at once; the rest of a batch is shown together at most
  // every BACKGROUND_RENDER_MS, instead of the page rendering three times for every card. The
  // change that finishes the queue shows at once.
  const renderLater = useRef<ReturnType<typeof setTimeout> | null>(null);
  const update = useCallback((change: (list: QueueItem[]) => QueueItem[], now = true) => {
    live.current = change(live.current);
    const settled = !live.current.some((item) => inProgress(item.status));
    if (!now && !settled) {
      renderLater.current ??= setTimeout(() => {
        renderLater.current = null;
        setItems(live.current);
      }, BACKGROUND_RENDER_MS);
      return;
    }
    if (renderLater.current !== null) clearTimeout(renderLater.current);
    renderLater.current = null;
    setItems(live.current);
  }, []);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [concurrency, setConcurrency] = useState(DEFAULT_CONCURRENCY);
  const [paused, setPaused] = useState(false);
  const limits = useRef({ concurrency, paused });
  limits.current = { concurrency, paused };
  const pump = useRef(() => undefined as void);
  const controllers = useRef(new Map<string, AbortController>());
  const bytes = useRef(new Map<string, Uint8Array>());
  /** Whether each checked image decoded; a request waits for this before it leaves. */
  const decoded = useRef(new Map<string, Promise<boolean>>());
  const checking = useRef(limit(Math.max(2, navigator.hardwareConcurrency || 2)));
  const order = useRef(0);
  // Stage changes matter only for the card on screen; reporting every card's would re-render the
  // whole queue four times per request, which dominates a large batch.
  const selectedRef = useRef<string | null>(null);
  useEffect(() => {
    selectedRef.current = selectedId;
  }, [selectedId]);

  const patch = useCallback(
    (id: string, change: Partial<QueueItem>) =>
      update(
        (list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)),
        id === selectedRef.current,
      ),
    [update],
  );

  /** Inspects, queues, then decodes; resolves when the decode is done, freeing a checking slot. */
  const check = useCallback(
    (item: QueueItem) =>
      inspect(item.file).then((inspected) => {
        if (!inspected.ok) {
          patch(item.id, { status: 'rejected', rejection: inspected.reason });
          return false;
        }
        // The card on screen is decoded at display size once, and the viewer takes that decode;
        // its thumbnail is drawn from it after the card is queued, not before.
        const decode: Decode<{ thumbnail: Promise<Blob> }> =
          item.id === selectedRef.current
            ? async (blob) => {
                const decoding = decodeForDisplay(blob, inspected, false);
                shareDecode(item.file, decoding);
                return { thumbnail: thumbnailOf(await decoding) };
              }
            : async (blob) => ({ thumbnail: Promise.resolve(await decodeToThumbnail(blob)) });
        // Queued now: its request may encrypt while the pixels decode, but is sent only if they do.
        bytes.current.set(item.id, inspected.bytes);
        const decodes = confirmDecodes(item.file, inspected, decode).then((checked) => {
          if (!checked.ok) {
            bytes.current.delete(item.id);
            patch(item.id, { status: 'rejected', rejection: checked.reason, stage: undefined });
            return false;
          }
          void checked.decoded.thumbnail.then(
            (thumbnail) => patch(item.id, { thumbnail: URL.createObjectURL(thumbnail) }),
            () => undefined,
          );
          return true;
        });
        decoded.current.set(item.id, decodes);
        patch(item.id, { status: 'queued', image: metaOf(inspected) });
        pump.current();
        return decodes;
      }),
    [patch],
  );

  const addFiles = useCallback(
    (files: File[], kind: AnalysisKind) => {
      if (files.length === 0) return;
      const added = files.map((file): QueueItem => ({
        id: `item-${nextId++}`,
        order: order.current++,
        file,
        kind,
        status: 'checking',
      }));
      update((list) => [...list, ...added]);
      setSelectedId(added[0].id);
      // Checked a few at a time in drop order: two hundred files read, hashed and decoded at once
      // would hold the first request back behind all of them.
      for (const item of added) void checking.current(() => check(item));
    },
    [check, update],
  );

  /** A card from an imported session: already analysed, so nothing is sent. */
  const addImported = useCallback(
    (file: File, checked: PreflightPassed, outcome: AnalysisOutcome) => {
      const item: QueueItem = {
        id: `item-${nextId++}`,
        order: order.current++,
        file,
        kind: outcome.kind,
        status: 'done',
        image: metaOf(checked),
        outcome,
        summary: summarise(outcome),
        thumbnail: URL.createObjectURL(checked.thumbnail),
      };
      update((list) => [...list, item]);
      setSelectedId((current) => current ?? item.id);
    },
    [update],
  );

  const start = useCallback(
    (item: QueueItem) => {
      const data = bytes.current.get(item.id);
      if (!data || !item.image) return;
      const controller = new AbortController();
      controllers.current.set(item.id, controller);
      patch(item.id, {
        status: 'working',
        stage: 'preparing',
        error: undefined,
        startedAt: performance.now(),
        finishedAt: undefined,
      });
      mutateAsync({
        kind: item.kind,
        image: { bytes: data, fileName: item.file.name || `image.${item.image.format === 'png' ? 'png' : 'jpg'}` },
        signal: controller.signal,
        onStage: (stage) => item.id === selectedRef.current && patch(item.id, { stage }),
        beforeSend: async () => {
          if (!(await (decoded.current.get(item.id) ?? true))) throw new RefusedAfterDecode();
        },
      })
        .then(
          (outcome) => {
            bytes.current.delete(item.id); // sent: the bytes are not needed again unless retried from the file
            decoded.current.delete(item.id);
            patch(item.id, {
              status: 'done',
              outcome,
              summary: summarise(outcome),
              stage: undefined,
              finishedAt: performance.now(),
            });
          },
          (error: unknown) => {
            if (error instanceof RefusedAfterDecode) return; // already marked rejected, with the reason
            const cancelled = error instanceof OcrError && error.kind === 'aborted';
            patch(item.id, {
              status: cancelled ? 'cancelled' : 'failed',
              error: cancelled ? undefined : error,
              stage: undefined,
              finishedAt: performance.now(),
            });
            if (error instanceof OcrError && error.isConnectionProblem) setPanelOpen(true);
          },
        )
        .finally(() => {
          controllers.current.delete(item.id);
          pump.current();
        });
    },
    [mutateAsync, patch, setPanelOpen],
  );

  /** Starts queued items, in drop order, while there is room. */
  pump.current = () => {
    if (limits.current.paused) return;
    let room = limits.current.concurrency - live.current.filter((item) => item.status === 'working').length;
    for (const item of live.current) {
      if (room <= 0) break;
      if (item.status !== 'queued' || !bytes.current.has(item.id)) continue;
      start(item);
      room--;
    }
  };
  // Any other change that can free a slot or add work (pause, concurrency, retries) lands here.
  useEffect(() => pump.current(), [items, paused, concurrency]);

  const cancel = useCallback(
    (id: string) => {
      controllers.current.get(id)?.abort();
      update((list) =>
        list.map((item) => (item.id === id && item.status === 'queued' ? { ...item, status: 'cancelled' } : item)),
      );
    },
    [update],
  );

  const cancelRest = useCallback(() => {
    update((list) => list.map((item) => (item.status === 'queued' ? { ...item, status: 'cancelled' } : item)));
    controllers.current.forEach((controller) => controller.abort());
  }, [update]);

  const retry = useCallback(
    (id: string) => {
      const item = items.find((i) => i.id === id);
      if (!item) return;
      // The bytes were released after sending; read them again from the file the user chose.
      void (
        bytes.current.has(id)
          ? Promise.resolve()
          : item.file.arrayBuffer().then((b) => void bytes.current.set(id, new Uint8Array(b)))
      ).then(() => patch(id, { status: 'queued', error: undefined, outcome: undefined, summary: undefined }));
    },
    [items, patch],
  );
  const retryFailed = useCallback(
    () => items.filter((i) => i.status === 'failed').forEach((i) => retry(i.id)),
    [items, retry],
  );

  const clearFinished = useCallback(() => {
    update((list) =>
      list.filter((item) => {
        const keep = item.id === selectedId || inProgress(item.status);
        if (!keep && item.thumbnail) URL.revokeObjectURL(item.thumbnail);
        if (!keep) bytes.current.delete(item.id);
        if (!keep) decoded.current.delete(item.id);
        return keep;
      }),
    );
  }, [selectedId]);

  const selected = items.find((item) => item.id === selectedId) ?? null;
  return {
    items,
    selected,
    select: setSelectedId,
    addFiles,
    addImported,
    cancel,
    cancelRest,
    retry,
    retryFailed,
    clearFinished,
    concurrency,
    setConcurrency: (n: number) => setConcurrency(Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(n)))),
    paused,
    setPaused,
  };
}
