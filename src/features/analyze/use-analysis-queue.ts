import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { analyzeMutationOptions, type AnalysisKind, type AnalysisOutcome, type AnalyzeVariables } from '@/api';
import { useConnection } from '@/features/connection';
import { confirmDecodes, inspect, type Inspected, type PreflightPassed } from './preflight';
import { metaOf, type ImageMeta } from './queue-item';
import { createQueueStore, type DecodeCheck, type QueueEvent } from './queue-store';
import { decodeToThumbnail } from './thumbnail';

/**
 * Decodes the card on screen at display size and hands that decode to the viewer; resolves once
 * every pixel decoded, with the thumbnail still being drawn from it.
 */
export type DecodeOnScreen = (file: Blob, image: ImageMeta) => Promise<{ thumbnail: Promise<Blob> }>;

interface Options {
  decodeOnScreen: DecodeOnScreen;
  onEvent?: (event: QueueEvent) => void;
}

function confirmWith(decodeOnScreen: DecodeOnScreen) {
  return async (file: File, inspected: Inspected, watched: boolean): Promise<DecodeCheck> => {
    const checked = await confirmDecodes(
      file,
      inspected,
      watched
        ? (blob) => decodeOnScreen(blob, metaOf(inspected))
        : async (blob) => ({ thumbnail: Promise.resolve(await decodeToThumbnail(blob)) }),
    );
    return checked.ok ? { ok: true, thumbnail: checked.decoded.thumbnail } : checked;
  };
}

/** The queue store, the request it sends through the current connection, and which card is on screen. */
export function useAnalysisQueue({ decodeOnScreen, onEvent }: Options) {
  const { client, identity } = useConnection();
  const { mutateAsync } = useMutation(analyzeMutationOptions(client, identity));
  const send = useRef(mutateAsync);
  useEffect(() => {
    send.current = mutateAsync;
  }, [mutateAsync]);
  const [store] = useState(() =>
    createQueueStore({
      inspect,
      confirmDecode: confirmWith(decodeOnScreen),
      analyze: (request: AnalyzeVariables) => send.current(request),
      checkingSlots: Math.max(2, navigator.hardwareConcurrency || 2),
    }),
  );
  useEffect(() => () => store.dispose(), [store]);
  const listener = useRef(onEvent);
  useEffect(() => {
    listener.current = onEvent;
  }, [onEvent]);
  useEffect(() => store.on((event) => listener.current?.(event)), [store]);

  const { items, concurrency, paused } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const select = useCallback(
    (id: string | null) => {
      store.watch(id);
      setSelectedId(id);
    },
    [store],
  );
  useEffect(() => store.watch(selectedId), [selectedId, store]);

  const addFiles = useCallback(
    (files: File[], kind: AnalysisKind) => {
      if (files.length === 0) return;
      // Watched before it is checked, so the first card is decoded once, at display size.
      select(store.addFiles(files, kind)[0]);
    },
    [select, store],
  );

  const addImported = useCallback(
    (file: File, checked: PreflightPassed, outcome: AnalysisOutcome) => {
      const id = store.addImported(file, checked, outcome, checked.thumbnail);
      setSelectedId((current) => current ?? id);
    },
    [store],
  );

  return {
    items,
    selected: items.find((item) => item.id === selectedId) ?? null,
    select,
    addFiles,
    addImported,
    cancel: store.cancel,
    cancelRest: store.cancelRest,
    retry: useCallback((id: string) => void store.retry(id), [store]),
    retryFailed: useCallback(() => void store.retryFailed(), [store]),
    clearFinished: useCallback(() => store.clearFinished(selectedId), [selectedId, store]),
    concurrency,
    setConcurrency: store.setConcurrency,
    paused,
    setPaused: store.setPaused,
  };
}
