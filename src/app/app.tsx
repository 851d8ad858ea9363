import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { isSecureContextNow, type AnalysisKind, type SampleEntry } from '@/api';
import { CardDropProvider, sampleFile } from '@/features/analyze';
import { type QueueItem } from '@/engine/queue/queue-item';
import { ConnectionProvider, useConnection } from '@/ui/connection';
import { useDeviceChecks } from '@/features/analyze/device-checks';
import { I18nProvider, useI18n } from '@/ui/i18n';
import { AppHeader } from './app-header';
import { createClient, loadSandbox } from './client-factory';
import { useLoaded, whenIdle } from './deferred-code';
import { focusedControl, refocus } from './focus-carry';
import { createIntake } from './intake';
import { UpdatePrompt } from './update-prompt';
import { loadWorkspace, workspaceCode } from './workspace-code';
import {
  CardIntake,
  EmptyState,
  ScreenLoading,
  ViewTabs,
  WorkspaceFrame,
  type PageChoices,
  type View,
} from './workspace-frame';

export function App() {
  return (
    <I18nProvider>
      <ConnectionProvider createClient={createClient}>
        <Page />
      </ConnectionProvider>
    </I18nProvider>
  );
}

/**
 * The first screen is drawn from the entry chunk alone; the queue and its screens (the workspace) come
 * in a chunk of their own, fetched as soon as the browser is idle. The workspace takes over at the
 * visitor's first request for it (a file, a specimen, a tab, the connection panel), never on its own,
 * and never gives way again. What must outlive the swap lives here: the visitor's choices, the files
 * waiting for the queue, and the drop zone's file input (CardDropProvider), so that a file dialog opened
 * on the first screen still answers after the workspace arrived.
 */
function Page() {
  const { settings } = useConnection();
  const [kind, setKind] = useState<AnalysisKind>('credit-card');
  const [presentation, setPresentation] = useState(false);
  const [checks, setChecks] = useDeviceChecks();
  const [view, setView] = useState<View>('card');
  const [intake] = useState(createIntake);
  const workspace = useLoaded(workspaceCode);
  const [loadFailed, setLoadFailed] = useState(false);
  const [asked, setAsked] = useState(false);
  const showWorkspace = workspace !== null && asked;

  const requestWorkspace = useCallback(() => {
    loadWorkspace().catch(() => setLoadFailed(true));
  }, []);
  useEffect(() => whenIdle(requestWorkspace), [requestWorkspace]);
  // The control in use as the first screen gives way, to be focused again in the workspace.
  const focusOnSwap = useRef<string | null>(null);
  const onFirstScreenLeaving = useCallback((focused: string | null) => {
    focusOnSwap.current = focused;
  }, []);
  const ask = useCallback(() => {
    setAsked(true);
    setLoadFailed(false);
    requestWorkspace();
  }, [requestWorkspace]);
  useEffect(() => {
    if (!showWorkspace || focusOnSwap.current === null) return;
    refocus(focusOnSwap.current);
    focusOnSwap.current = null;
  }, [showWorkspace]);

  // The sandbox is the default connection: make its keys while the visitor reads the page. A page that is
  // not a secure context has no Web Crypto to make them with, and may send nothing anyway.
  useEffect(() => {
    if (settings.endpoint !== 'sandbox' || !isSecureContextNow()) return;
    return whenIdle(() => void loadSandbox().catch(() => undefined));
  }, [settings.endpoint]);

  const onFiles = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      intake.add(files, kind);
      if (files.length > 1) setView('batch');
      ask();
    },
    [intake, kind, ask],
  );
  const onPick = useCallback(
    (entry: SampleEntry) => {
      const sampleKind: AnalysisKind =
        entry.service === 'credit-card' ? 'credit-card' : kind === 'id-card-stand-alone' ? kind : 'id-card';
      setKind(sampleKind);
      ask();
      void sampleFile(entry).then((file) => intake.add([file], sampleKind));
    },
    [intake, kind, ask],
  );
  const onView = useCallback(
    (next: View) => {
      setView(next);
      ask();
    },
    [ask],
  );

  const choices: PageChoices = {
    kind,
    onKind: setKind,
    presentation,
    checks,
    onChecks: setChecks,
    view,
    onView,
    onFiles,
    onPick,
  };
  return (
    <div className={`app${presentation ? ' presentation' : ''}`}>
      <CardDropProvider onFiles={onFiles}>
        <AppHeader presentation={presentation} onPresentation={setPresentation} onConnection={ask} />
        {showWorkspace ? (
          <workspace.Workspace {...choices} intake={intake} />
        ) : (
          <FirstScreen
            {...choices}
            waiting={asked}
            failed={asked && loadFailed}
            onRetry={ask}
            onLeaving={onFirstScreenLeaving}
          />
        )}
      </CardDropProvider>
    </div>
  );
}

/** Until the workspace is asked for and here: the same page, with no card yet. */
function FirstScreen({
  waiting,
  failed,
  onRetry,
  onLeaving,
  ...choices
}: PageChoices & {
  waiting: boolean;
  failed: boolean;
  onRetry: () => void;
  /** Told, while its controls are still in the page, which of them has focus. */
  onLeaving: (focused: string | null) => void;
}) {
  const { t } = useI18n();
  useLayoutEffect(() => () => onLeaving(focusedControl()), [onLeaving]);
  return (
    <WorkspaceFrame
      onFiles={choices.onFiles}
      left={
        <>
          {/* Not while files wait for the queue: a reload would drop them. */}
          {!waiting && <UpdatePrompt items={NO_CARDS} />}
          <CardIntake {...choices} />
        </>
      }
      centre={
        <>
          <ViewTabs view={choices.view} onView={choices.onView} cards={0} />
          {failed ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">{t('workspaceFailed')}</p>
              <button type="button" onClick={onRetry}>
                {t('retry')}
              </button>
            </div>
          ) : (
            waiting && <ScreenLoading />
          )}
          {/* Kept while the workspace comes, so that a specimen just pressed keeps focus. */}
          <EmptyState onPick={choices.onPick} />
        </>
      }
    />
  );
}

const NO_CARDS: readonly QueueItem[] = [];
