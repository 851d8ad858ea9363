import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnalysisKind, SampleEntry } from '@/api';
import { sampleFile } from '@/features/analyze';
import { ConnectionProvider, useConnection } from '@/features/connection';
import { useDeviceChecks } from '@/features/second-read';
import { I18nProvider, useI18n } from '@/features/shared';
import { AppHeader } from './app-header';
import { createClient, loadSandbox } from './client-factory';
import { useLoaded, whenIdle } from './deferred-code';
import { focusedControl, refocus } from './focus-carry';
import { createIntake } from './intake';
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
 * visitor's first request for it (a file, a specimen, a tab, the connection panel), never on its own:
 * a file picker opened on the first screen must still have its input when it answers. The visitor's
 * choices live here, so the workspace takes over with them and with the files that prompted it.
 */
function Page() {
  const { settings, panelOpen } = useConnection();
  const [kind, setKind] = useState<AnalysisKind>('credit-card');
  const [presentation, setPresentation] = useState(false);
  const [checks, setChecks] = useDeviceChecks();
  const [view, setView] = useState<View>('card');
  const [intake] = useState(createIntake);
  const workspace = useLoaded(workspaceCode);
  const [loadFailed, setLoadFailed] = useState(false);
  const [asked, setAsked] = useState(false);
  const wanted = asked || panelOpen;

  const requestWorkspace = useCallback(() => {
    loadWorkspace().catch(() => setLoadFailed(true));
  }, []);
  const retry = useCallback(() => {
    setLoadFailed(false);
    requestWorkspace();
  }, [requestWorkspace]);
  useEffect(() => whenIdle(requestWorkspace), [requestWorkspace]);
  useEffect(() => {
    if (panelOpen) requestWorkspace();
  }, [panelOpen, requestWorkspace]);
  const showWorkspace = workspace !== null && wanted;
  // The control in use when the first screen gives way, to be focused again in the workspace.
  const focusOnSwap = useRef<string | null>(null);
  const ask = useCallback(() => {
    if (!showWorkspace) focusOnSwap.current ??= focusedControl();
    setAsked(true);
    requestWorkspace();
  }, [requestWorkspace, showWorkspace]);
  useEffect(() => {
    if (!showWorkspace || focusOnSwap.current === null) return;
    refocus(focusOnSwap.current);
    focusOnSwap.current = null;
  }, [showWorkspace]);

  // The sandbox is the default connection: make its keys while the visitor reads the page.
  useEffect(() => {
    if (settings.endpoint !== 'sandbox') return;
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
      <AppHeader presentation={presentation} onPresentation={setPresentation} />
      {showWorkspace ? (
        <workspace.Workspace {...choices} intake={intake} />
      ) : (
        <FirstScreen {...choices} waiting={wanted} failed={loadFailed && !workspace} onRetry={retry} />
      )}
    </div>
  );
}

/** Until the workspace is wanted and here: the same page, with no card yet. */
function FirstScreen({
  waiting,
  failed,
  onRetry,
  ...choices
}: PageChoices & { waiting: boolean; failed: boolean; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <WorkspaceFrame
      onFiles={choices.onFiles}
      left={<CardIntake {...choices} />}
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
          ) : waiting ? (
            <ScreenLoading />
          ) : (
            <EmptyState onPick={choices.onPick} />
          )}
        </>
      }
    />
  );
}
