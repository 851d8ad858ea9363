import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { DecodeOnScreen } from '@/images/display-decode';
import {
  analyzeWith,
  type AnalysisKind,
  type AnswerSource,
  type AnalysisOutcome,
  type ConnectionIdentity,
  type OcrClient,
} from '@/api';
import type { EndpointKind } from '@/model/connection-settings';
import { useConnection } from './connection';
import { confirmDecodes, inspect, type Inspected } from '@/images/preflight';
import { metaOf, type ImageMeta } from '@/images/preflight';
import { createQueueStore } from '@/engine/queue/queue-store';
import type { DecodeCheck, QueueDeps, QueueEvent } from '@/engine/queue/queue-types';
import { decodeToThumbnail } from '@/images/thumbnail';

/** What a batch is sent through: the client made from the settings when the batch started. */
interface QueueConnection {
  client: OcrClient;
  identity: ConnectionIdentity;
  endpoint: EndpointKind;
}

/** Who made an answer that came through `endpoint` (the app knows which endpoint is its own sandbox). */
export type AnsweredBy = (endpoint: EndpointKind, image: ImageMeta, kind: AnalysisKind) => Promise<AnswerSource>;

interface Options {
  decodeOnScreen: DecodeOnScreen;
  onEvent?: (event: QueueEvent) => void;
  /** The on-device check before sending, or null when the operator has not asked for it. */
  checkBeforeSend?: QueueDeps<QueueConnection>['checkBeforeSend'] | null;
  answeredBy: AnsweredBy;
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

/** The queue store, the connection each batch is sent through, and which card is on screen. */
export function useAnalysisQueue({ decodeOnScreen, onEvent, checkBeforeSend, answeredBy }: Options) {
  const { client, identity, settings } = useConnection();
  const { endpoint } = settings;
  const connection = useMemo<QueueConnection>(() => ({ client, identity, endpoint }), [client, identity, endpoint]);
  // Read when each card is checked, so turning the check on or off applies to cards not yet checked.
  const beforeSend = useRef(checkBeforeSend);
  useEffect(() => {
    beforeSend.current = checkBeforeSend;
  }, [checkBeforeSend]);
  const [store] = useState(() =>
    createQueueStore<QueueConnection>({
      inspect,
      confirmDecode: confirmWith(decodeOnScreen),
      // Analyses are billed: each is sent once, and again only when the operator asks.
      analyze: (request, via) => analyzeWith(via.client, request),
      answeredBy: (via, image, kind) => answeredBy(via.endpoint, image, kind),
      checkBeforeSend: (bytes, kind) => beforeSend.current?.(bytes, kind) ?? Promise.resolve(null),
      checkingSlots: 2,
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
      select(store.addFiles(files, kind, connection)[0]);
    },
    [connection, select, store],
  );

  const addImported = useCallback(
    (file: File, checked: ImageMeta & { thumbnail: Blob }, outcome: AnalysisOutcome) => {
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
    retry: useCallback((id: string) => store.retry(id, connection), [connection, store]),
    retryFailed: useCallback(() => store.retryFailed(connection), [connection, store]),
    sendAnyway: useCallback((id: string) => store.sendAnyway(id, connection), [connection, store]),
    annotate: store.annotate,
    clearFinished: useCallback(() => store.clearFinished(selectedId), [selectedId, store]),
    /** Cards not yet sent that will go through an earlier connection than the one set now. */
    waitingElsewhere: items.length > 0 ? store.waitingElsewhere(connection) : 0,
    applyConnectionToRest: useCallback(() => store.moveWaitingTo(connection), [connection, store]),
    markExported: store.markExported,
    concurrency,
    setConcurrency: store.setConcurrency,
    paused,
    setPaused: store.setPaused,
  };
}
