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

export type ItemStatus = 'checking' | 'queued' | 'working' | 'done' | 'failed' | 'rejected' | 'cancelled';

export interface QueueItem {
  id: string;
  file: File;
  kind: AnalysisKind;
  status: ItemStatus;
  stage?: AnalysisStage;
  image?: PreflightPassed;
  rejection?: Localised;
  error?: unknown;
  outcome?: AnalysisOutcome;
}

let nextId = 1;

/** Files in, preflight, then one request at a time (batches with concurrency are a later issue). */
export function useAnalysisQueue() {
  const { client, identity, setPanelOpen } = useConnection();
  const { mutateAsync } = useMutation(analyzeMutationOptions(client, identity));
  const [items, setItems] = useState<QueueItem[]>([]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const controllers = useRef(new Map<string, AbortController>());

  const patch = useCallback((id: string, change: Partial<QueueItem>) => {
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  }, []);

  const addFiles = useCallback(
    (files: File[], kind: AnalysisKind) => {
      if (files.length === 0) return;
      const added = files.map((file): QueueItem => ({ id: `item-${nextId++}`, file, kind, status: 'checking' }));
      setItems((list) => [...list, ...added]);
      setSelectedId(added[0].id);
      for (const item of added) {
        void preflight(item.file).then((checked) =>
          patch(
            item.id,
            checked.ok ? { status: 'queued', image: checked } : { status: 'rejected', rejection: checked.reason },
          ),
        );
      }
    },
    [patch],
  );

  const working = items.find((item) => item.status === 'working');
  const next = items.find((item) => item.status === 'queued');
  useEffect(() => {
    if (working || !next?.image) return;
    const controller = new AbortController();
    controllers.current.set(next.id, controller);
    patch(next.id, { status: 'working', stage: 'preparing', error: undefined });
    const { bytes } = next.image;
    mutateAsync({
      kind: next.kind,
      image: { bytes, fileName: next.file.name || `image.${next.image.format === 'png' ? 'png' : 'jpg'}` },
      signal: controller.signal,
      onStage: (stage) => patch(next.id, { stage }),
    })
      .then(
        (outcome) => patch(next.id, { status: 'done', outcome, stage: undefined }),
        (error: unknown) => {
          const cancelled = error instanceof OcrError && error.kind === 'aborted';
          patch(next.id, {
            status: cancelled ? 'cancelled' : 'failed',
            error: cancelled ? undefined : error,
            stage: undefined,
          });
          if (error instanceof OcrError && error.isConnectionProblem) setPanelOpen(true);
        },
      )
      .finally(() => controllers.current.delete(next.id));
  }, [working, next, mutateAsync, patch, setPanelOpen]);

  const cancel = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
    setItems((list) =>
      list.map((item) => (item.id === id && item.status === 'queued' ? { ...item, status: 'cancelled' } : item)),
    );
  }, []);
  const retry = useCallback(
    (id: string) => patch(id, { status: 'queued', error: undefined, outcome: undefined }),
    [patch],
  );
  const clearFinished = useCallback(() => {
    setItems((list) =>
      list.filter(
        (item) => item.id === selectedId || !['done', 'failed', 'rejected', 'cancelled'].includes(item.status),
      ),
    );
  }, [selectedId]);

  const selected = items.find((item) => item.id === selectedId) ?? null;
  return { items, selected, select: setSelectedId, addFiles, cancel, retry, clearFinished };
}
