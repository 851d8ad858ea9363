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
import { preflight, type PreflightPassed } from './preflight';
import { summarise, type ResultSummary } from './result-rows';

export type ItemStatus = 'checking' | 'queued' | 'working' | 'done' | 'failed' | 'rejected' | 'cancelled';

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
export function metaOf(checked: PreflightPassed): ImageMeta {
  const { sha256, format, width, height, orientation, lowResolution } = checked;
  return { sha256, format, width, height, orientation, lowResolution };
}

export const DEFAULT_CONCURRENCY = 2;
export const MAX_CONCURRENCY = 8;
let nextId = 1;

/** Files in, preflight, then up to `concurrency` requests at a time. Rejections never block the queue. */
export function useAnalysisQueue() {
  const { client, identity, setPanelOpen } = useConnection();
  const { mutateAsync } = useMutation(analyzeMutationOptions(client, identity));
  const [items, setItems] = useState<QueueItem[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [concurrency, setConcurrency] = useState(DEFAULT_CONCURRENCY);
  const [paused, setPaused] = useState(false);
  const controllers = useRef(new Map<string, AbortController>());
  const bytes = useRef(new Map<string, Uint8Array>());
  const order = useRef(0);
  // Stage changes matter only for the card on screen; reporting every card's would re-render the
  // whole queue four times per request, which dominates a large batch.
  const selectedRef = useRef<string | null>(null);
  useEffect(() => {
    selectedRef.current = selectedId;
  }, [selectedId]);

  const patch = useCallback((id: string, change: Partial<QueueItem>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

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
      setItems((list) => [...list, ...added]);
      setSelectedId(added[0].id);
      for (const item of added) {
        void preflight(item.file).then((checked) => {
          if (!checked.ok) return patch(item.id, { status: 'rejected', rejection: checked.reason });
          bytes.current.set(item.id, checked.bytes);
          patch(item.id, {
            status: 'queued',
            image: metaOf(checked),
            thumbnail: URL.createObjectURL(checked.thumbnail),
          });
        });
      }
    },
    [patch],
  );

  /** A card from an imported session: already analysed, so nothing is sent. */
  const addImported = useCallback((file: File, checked: PreflightPassed, outcome: AnalysisOutcome) => {
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
    setItems((list) => [...list, item]);
    setSelectedId((current) => current ?? item.id);
  }, []);

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
      })
        .then(
          (outcome) => {
            bytes.current.delete(item.id); // sent: the bytes are not needed again unless retried from the file
            patch(item.id, {
              status: 'done',
              outcome,
              summary: summarise(outcome),
              stage: undefined,
              finishedAt: performance.now(),
            });
          },
          (error: unknown) => {
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
        .finally(() => controllers.current.delete(item.id));
    },
    [mutateAsync, patch, setPanelOpen],
  );

  // Start queued items, in drop order, while there is room.
  useEffect(() => {
    if (paused) return;
    const working = items.filter((item) => item.status === 'working').length;
    const ready = items
      .filter((item) => item.status === 'queued' && bytes.current.has(item.id))
      .slice(0, Math.max(0, concurrency - working));
    ready.forEach(start);
  }, [items, paused, concurrency, start]);

  const cancel = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    setItems((list) =>
      list.map((item) => (item.id === id && item.status === 'queued' ? { ...item, status: 'cancelled' } : item)),
    );
  }, []);

  const cancelRest = useCallback(() => {
    setItems((list) => list.map((item) => (item.status === 'queued' ? { ...item, status: 'cancelled' } : item)));
    controllers.current.forEach((controller) => controller.abort());
  }, []);

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
    setItems((list) =>
      list.filter((item) => {
        const keep = item.id === selectedId || !['done', 'failed', 'rejected', 'cancelled'].includes(item.status);
        if (!keep && item.thumbnail) URL.revokeObjectURL(item.thumbnail);
        if (!keep) bytes.current.delete(item.id);
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
