import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
  type RefObject,
} from 'react';
import { isSecureContextNow, OcrError, prefetchClient, type SampleEntry } from '@/api';
import type { View } from '@/engine/cardlens';
import { selectedItem } from '@/engine/selectors';
import { unsaved } from '@/engine/queue/queue-item';
import {
  DeviceChecksSettings,
  DropZone,
  EmptyQueue,
  SampleGallery,
  ServicePicker,
  usePageDrop,
  usePastedFiles,
} from '@/features/analyze';
import { isSessionDrop } from '@/model/review/session-file';
import { specimenFile } from '@/model/specimens';
import { useCardlensState } from '@/ui/cardlens';
import { useConnection } from '@/ui/connection';
import { useI18n } from '@/ui/i18n';
import { ErrorBoundary } from '@/ui/error-boundary';
import { matches, NARROW_SCREEN, scrollBehaviour } from '@/ui/media';
import { useLeaveGuard } from '@/ui/use-leave-guard';
import { AppHeader } from './app-header';
import { sandbox } from './connections';
import { LeftNotices, PageNotes, useReviewMark } from './page-keys';
import { engine } from './engine';
import {
  BatchPanel,
  CameraView,
  ConnectionPanel,
  importDroppedSession,
  prefetchViews,
  QueueList,
  RepeatsDialog,
  ReportView,
  SessionControls,
  SessionImportNotice,
  Viewer,
} from './views';
import { whenIdle } from './when-idle';

/**
 * The one page: the header, the left column (drawn once, never swapped) and the centre, whose later
 * screens arrive as lazy views. Everything it shows comes from the engine's state; everything it does
 * is one of the engine's commands.
 */
export function Shell() {
  useEngineConnection();
  useBackgroundLoading();
  // Results live in this page only: leaving it while work is unsaved asks first.
  useLeaveGuard(useCardlensState((s) => s.items.some(unsaved)));
  const presentation = useCardlensState((s) => s.presentation);
  const repeatQuestion = useCardlensState((s) => s.repeatQuestion);
  // A session's own file (its .zip, or its JSON with the images) reopens the session instead of being sent.
  const [sessionDropped, setSessionDropped] = useState(false);
  const [camera, setCamera] = useState(false);
  const addFiles = useCallback((files: File[]) => {
    if (!isSessionDrop(files)) return void engine.addFiles(files);
    setSessionDropped(true);
    void importDroppedSession(engine, files).catch(() => undefined); // the notice offers Retry for its code
  }, []);
  usePastedFiles(addFiles);
  const { t } = useI18n();
  const { dropTargetProps, dragging } = usePageDrop(addFiles);
  const centre = useRef<HTMLElement>(null);
  return (
    <div className={`app${presentation ? ' presentation' : ''}`}>
      <AppHeader />
      <div {...dropTargetProps({ className: `workspace${dragging ? ' dragging' : ''}` })}>
        <nav className="left" aria-label={t('queue')}>
          <LeftColumn onFiles={addFiles} onCamera={() => setCamera(true)} sessionDropped={sessionDropped} />
        </nav>
        <main className="centre" ref={centre}>
          <Centre into={centre} />
        </main>
      </div>
      {camera && <CameraView onFiles={addFiles} onClose={() => setCamera(false)} />}
      {repeatQuestion && <RepeatsDialog question={repeatQuestion} onAnswer={engine.answerRepeats} />}
    </div>
  );
}

/** The engine sends through the connection set now, and a failure the connection can fix opens its panel. */
function useEngineConnection() {
  const { client, identity, settings, setPanelOpen } = useConnection();
  const connection = useMemo(
    () => ({ client, identity, endpoint: settings.endpoint }),
    [client, identity, settings.endpoint],
  );
  useLayoutEffect(() => engine.setConnection(connection), [connection]);
  useEffect(
    () =>
      engine.on((event) => {
        if (event.error instanceof OcrError && event.error.isConnectionProblem) setPanelOpen(true);
      }),
    [setPanelOpen],
  );
}

/** While the visitor reads the first screen: the later screens' code, and the sandbox's keys when it is in use. */
function useBackgroundLoading() {
  const { settings } = useConnection();
  useEffect(
    () =>
      whenIdle(() => {
        void engine.prefetch().catch(() => undefined);
        void prefetchViews();
        void prefetchClient();
      }),
    [],
  );
  // A page that is not a secure context has no Web Crypto to make keys with, and may send nothing anyway.
  useEffect(() => {
    if (settings.endpoint !== 'sandbox' || !isSecureContextNow()) return;
    return whenIdle(() => void sandbox.load().catch(() => undefined));
  }, [settings.endpoint]);
}

const pickSpecimen = (entry: SampleEntry) =>
  void specimenFile(entry).then(
    (file) => engine.addSpecimen(file, entry.service),
    () => undefined, // the gallery stays; its next pick tries again
  );

type LeftProps = { onFiles: (files: File[]) => void; onCamera: () => void; sessionDropped: boolean };
function LeftColumn({ onFiles, onCamera, sessionDropped }: LeftProps) {
  const { settings, panelOpen, identity } = useConnection();
  // Each piece on its own, so that a card's picture or a review does not draw the column again.
  const s = {
    presentation: useCardlensState((state) => state.presentation),
    checks: useCardlensState((state) => state.checks),
    items: useCardlensState((state) => state.items),
    kind: useCardlensState((state) => state.kind),
    selectedId: useCardlensState((state) => state.selectedId),
  };
  const ReviewMark = useReviewMark();
  return (
    <>
      {panelOpen && !s.presentation && (
        <div id="connection-panel">
          <ConnectionPanel />
        </div>
      )}
      <LeftNotices
        connectionKey={String(identity.revision)}
        readerActive={settings.endpoint === 'sandbox' || s.checks.secondRead || s.checks.preSend}
      />
      <ServicePicker value={s.kind} onChange={engine.setKind} />
      <DropZone onFiles={onFiles} onCamera={onCamera} />
      {sessionDropped && <SessionImportNotice origin="drop" />}
      {!s.presentation && <DeviceChecksSettings checks={s.checks} onChange={engine.setChecks} />}
      {s.items.length === 0 ? (
        <EmptyQueue />
      ) : (
        <QueueList
          items={s.items}
          selectedId={s.selectedId}
          onSelect={engine.select}
          onRetry={engine.retry}
          onSendAnyway={engine.sendAnyway}
          onSendAs={engine.sendAs}
          onClear={engine.clearFinished}
          ReviewMark={ReviewMark}
        />
      )}
      {s.selectedId !== null && <SampleGallery compact onPick={pickSpecimen} />}
    </>
  );
}

function Centre({ into }: { into: RefObject<HTMLElement | null> }) {
  const { t } = useI18n();
  const { setPanelOpen } = useConnection();
  // Each piece on its own: another card's progress, a picture or a review does not draw the viewer again.
  const s = {
    view: useCardlensState((state) => state.view),
    threshold: useCardlensState((state) => state.threshold),
    cards: useCardlensState((state) => state.items.length),
    selectedId: useCardlensState((state) => state.selectedId),
  };
  const selected = useCardlensState(selectedItem);
  const nav = {
    position: useCardlensState((state) => state.navigation.position),
    count: useCardlensState((state) => state.navigation.count),
    previous: useCardlensState((state) => state.navigation.previous !== null),
    next: useCardlensState((state) => state.navigation.next !== null),
  };
  useCardIntoView(into, s.view === 'card' ? s.selectedId : null);
  const cardNav = s.view === 'card' && nav.count > 1 && (
    <span className="card-nav">
      <button type="button" onClick={() => engine.step(-1)} disabled={!nav.previous} aria-keyshortcuts="[">
        ← {t('previousCard')}
      </button>
      <span className="hint">
        {nav.position ?? '–'}/{nav.count}
      </span>
      <button type="button" onClick={() => engine.step(1)} disabled={!nav.next} aria-keyshortcuts="]">
        {t('nextCard')} →
      </button>
    </span>
  );
  let screen: ReactNode;
  if (s.view === 'report') {
    screen = (
      // A fault in the report or the batch table keeps the rest of the app, and the batch with it.
      <ErrorBoundary key="report" failed={t('reportFailed')}>
        <ReportView threshold={s.threshold}>
          <SessionControls />
        </ReportView>
      </ErrorBoundary>
    );
  } else if (s.view === 'batch' && s.cards > 0) {
    screen = (
      <ErrorBoundary key="batch" failed={t('batchFailed')}>
        <BatchPanel />
      </ErrorBoundary>
    );
  } else if (selected) {
    screen = (
      <ErrorBoundary
        resetKey={selected.id}
        fallback={(error, reset) => (
          <div className="notice notice-error" role="alert">
            <p className="notice-title">{t('viewerFailed')}</p>
            <code className="detail">{error.message}</code>
            <button type="button" onClick={reset}>
              {t('retry')}
            </button>
          </div>
        )}
      >
        <Viewer item={selected} onOpenConnection={() => setPanelOpen(true)} />
      </ErrorBoundary>
    );
  } else {
    screen = <EmptyState />;
  }
  return (
    <>
      <ViewTabs view={s.view} cards={s.cards}>
        {cardNav}
      </ViewTabs>
      <PageNotes view={s.view} />
      {screen}
    </>
  );
}

/** On one column the card view is below the queue: a card chosen there is brought up, or a tap would seem to do nothing. */
function useCardIntoView(centre: RefObject<HTMLElement | null>, shownId: string | null) {
  useEffect(() => {
    if (shownId !== null && matches(NARROW_SCREEN))
      centre.current?.scrollIntoView({ block: 'start', behavior: scrollBehaviour() });
  }, [centre, shownId]);
}

/** Card, batch (once there are cards) and report; `children` go at the row's end. */
function ViewTabs({ view, cards, children }: { view: View; cards: number; children?: ReactNode }) {
  const { t } = useI18n();
  const tab = (name: View, label: string) => (
    <button type="button" role="tab" aria-selected={view === name} onClick={() => engine.setView(name)}>
      {label}
    </button>
  );
  return (
    <div className="view-switch" role="tablist" aria-label={t('view')}>
      {tab('card', t('card'))}
      {cards > 0 && tab('batch', `${t('batch')} (${cards})`)}
      {tab('report', t('report'))}
      <span className="spacer" />
      {children}
    </div>
  );
}

/** No card yet: say so, and offer the specimens. */
function EmptyState() {
  const { t } = useI18n();
  return (
    <div className="empty-state">
      <p className="lead">{t('emptyViewer')}</p>
      <SampleGallery onPick={pickSpecimen} />
    </div>
  );
}
