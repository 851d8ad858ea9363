import { useCallback, useEffect, useMemo, useState } from 'react';
import { OcrError, type AnalysisKind, type SampleEntry } from '@/api';
import {
  ConnectionChangePrompt,
  DEFAULT_TABLE_VIEW,
  DropZone,
  QueueList,
  queueOrder,
  SampleGallery,
  sampleFile,
  ServicePicker,
  useAnalysisQueue,
  useLeaveGuard,
  usePageDrop,
  unsaved,
  type QueueEvent,
  type TableView,
} from '@/features/analyze';
import { ConnectionProvider, useConnection } from '@/features/connection';
import { ReviewProvider } from '@/features/review';
import { DeviceChecksSettings, useDeviceChecks } from '@/features/second-read';
import { ErrorBoundary, I18nProvider, useI18n } from '@/features/shared';
import { decodeOnScreen } from '@/features/viewer';
import { createClient, loadSandbox } from './client-factory';
import { checkBeforeSend, useSecondReadsOnDevice } from './device-reader';
import { AppHeader } from './app-header';
import {
  BatchPanel,
  ConnectionPanel,
  loadDeferred,
  ReportView,
  SessionControls,
  useBatchCode,
  Viewer,
  whenIdle,
} from './deferred';
import { ReaderDownloadBar } from './reader-download';
import { UpdatePrompt } from './update-prompt';

export function App() {
  return (
    <I18nProvider>
      <ConnectionProvider createClient={createClient}>
        <ReviewProvider>
          <Workspace />
        </ReviewProvider>
      </ConnectionProvider>
    </I18nProvider>
  );
}

function Workspace() {
  const { t } = useI18n();
  const { settings, identity, panelOpen, setPanelOpen } = useConnection();
  const [kind, setKind] = useState<AnalysisKind>('credit-card');
  const [presentation, setPresentation] = useState(false);
  const onQueueEvent = useCallback(
    (event: QueueEvent) => {
      if (event.error instanceof OcrError && event.error.isConnectionProblem) setPanelOpen(true);
    },
    [setPanelOpen],
  );
  const [checks, setChecks] = useDeviceChecks();
  const queue = useAnalysisQueue({
    decodeOnScreen,
    onEvent: onQueueEvent,
    checkBeforeSend: checks.preSend ? checkBeforeSend : null,
  });
  const secondReads = useSecondReadsOnDevice(queue, checks.secondRead);
  // Results live in this page only: leaving it while work is unsaved asks first.
  useLeaveGuard(queue.items.some(unsaved));
  const { addFiles } = queue;
  const [threshold, setThreshold] = useState(0.8);
  const [view, setView] = useState<'card' | 'batch' | 'report'>('card');
  const [tableView, setTableView] = useState<TableView>(DEFAULT_TABLE_VIEW);
  // One order for the table and for ] and [, whether or not the table is on screen. Until the table's
  // code arrives its view is the default one, which is the order the cards were added.
  const batchCode = useBatchCode();
  const rows = useMemo(
    () => batchCode?.tableRows(queue.items, tableView, threshold) ?? null,
    [batchCode, queue.items, tableView, threshold],
  );
  const tableOrder = useMemo(() => rows?.map((row) => row.id) ?? queueOrder(queue.items), [rows, queue.items]);
  const position = queue.selected ? tableOrder.indexOf(queue.selected.id) : -1;
  const step = useCallback(
    (delta: number) => {
      const next = tableOrder[position + delta];
      if (next) queue.select(next);
    },
    [tableOrder, position, queue],
  );

  // ] and [ move through the cards in the table's current order, from anywhere but a text field.
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.target as HTMLElement | null)?.closest('input, textarea, select, [contenteditable="true"]')) return;
      if (event.key === ']') step(1);
      if (event.key === '[') step(-1);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  // The screens after the first are wanted by the first drop whatever the connection: fetch them while idle.
  useEffect(() => whenIdle(() => void loadDeferred()), []);

  // The sandbox is the default connection: make its keys while the visitor reads the page.
  useEffect(() => {
    if (settings.endpoint !== 'sandbox') return;
    return whenIdle(() => void loadSandbox().catch(() => undefined));
  }, [settings.endpoint]);

  const onFiles = useCallback(
    (files: File[]) => {
      queue.addFiles(files, kind);
      if (files.length > 1) setView('batch');
    },
    [queue, kind],
  );
  const { dropTargetProps, dragging } = usePageDrop(onFiles);
  const onSample = useCallback(
    async (entry: SampleEntry) => {
      const sampleKind: AnalysisKind =
        entry.service === 'credit-card' ? 'credit-card' : kind === 'id-card-stand-alone' ? kind : 'id-card';
      setKind(sampleKind);
      addFiles([await sampleFile(entry)], sampleKind);
    },
    [addFiles, kind],
  );
  const pickSample = useCallback((entry: SampleEntry) => void onSample(entry), [onSample]);

  return (
    <div className={`app${presentation ? ' presentation' : ''}`}>
      <AppHeader presentation={presentation} onPresentation={setPresentation} />
      <div {...dropTargetProps({ className: `workspace${dragging ? ' dragging' : ''}` })}>
        <nav className="left" aria-label={t('queue')}>
          {panelOpen && !presentation && (
            <div id="connection-panel">
              <ConnectionPanel />
            </div>
          )}
          <ReaderDownloadBar active={settings.endpoint === 'sandbox' || checks.secondRead || checks.preSend} />
          <UpdatePrompt items={queue.items} />
          <ConnectionChangePrompt
            waiting={queue.waitingElsewhere}
            connectionKey={String(identity.revision)}
            onApply={queue.applyConnectionToRest}
          />
          <ServicePicker value={kind} onChange={setKind} />
          <DropZone onFiles={onFiles} />
          {!presentation && <DeviceChecksSettings checks={checks} onChange={setChecks} />}
          <QueueList
            items={queue.items}
            selectedId={queue.selected?.id ?? null}
            onSelect={queue.select}
            onRetry={queue.retry}
            onSendAnyway={queue.sendAnyway}
            onClear={queue.clearFinished}
          />
          {queue.selected && <SampleGallery compact onPick={pickSample} />}
        </nav>
        <main className="centre">
          {
            <div className="view-switch" role="tablist" aria-label={t('view')}>
              <button type="button" role="tab" aria-selected={view === 'card'} onClick={() => setView('card')}>
                {t('card')}
              </button>
              {queue.items.length > 0 && (
                <button type="button" role="tab" aria-selected={view === 'batch'} onClick={() => setView('batch')}>
                  {t('batch')} ({queue.items.length})
                </button>
              )}
              <button type="button" role="tab" aria-selected={view === 'report'} onClick={() => setView('report')}>
                {t('report')}
              </button>
              <span className="spacer" />
              {view === 'card' && tableOrder.length > 1 && (
                <span className="card-nav">
                  <button type="button" onClick={() => step(-1)} disabled={position <= 0} aria-keyshortcuts="[">
                    ← {t('previousCard')}
                  </button>
                  <span className="hint">
                    {position + 1}/{tableOrder.length}
                  </span>
                  <button
                    type="button"
                    onClick={() => step(1)}
                    disabled={position < 0 || position >= tableOrder.length - 1}
                    aria-keyshortcuts="]"
                  >
                    {t('nextCard')} →
                  </button>
                </span>
              )}
            </div>
          }
          {view === 'report' ? (
            // A fault in the report or the batch table keeps the rest of the app, and the batch with it.
            <ErrorBoundary key="report" failed={t('reportFailed')}>
              <ReportView threshold={threshold} secondReads={secondReads}>
                <SessionControls
                  items={queue.items}
                  onImported={queue.addImported}
                  onExported={queue.markExported}
                  presentation={presentation}
                />
              </ReportView>
            </ErrorBoundary>
          ) : view === 'batch' && queue.items.length > 0 ? (
            <ErrorBoundary key="batch" failed={t('batchFailed')}>
              <BatchPanel
                items={queue.items}
                rows={rows ?? []} // null only until the table's code, BatchPanel's own, has arrived
                tableView={tableView}
                onTableView={setTableView}
                selectedId={queue.selected?.id ?? null}
                threshold={threshold}
                concurrency={queue.concurrency}
                paused={queue.paused}
                onConcurrency={queue.setConcurrency}
                onPause={queue.setPaused}
                onCancelRest={queue.cancelRest}
                onExported={queue.markExported}
                presentation={presentation}
                onRetryFailed={queue.retryFailed}
                onOpen={(id) => {
                  queue.select(id);
                  setView('card');
                }}
              />
            </ErrorBoundary>
          ) : queue.selected ? (
            <ErrorBoundary
              resetKey={queue.selected.id}
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
              <Viewer
                item={queue.selected}
                presentation={presentation}
                threshold={threshold}
                onThreshold={setThreshold}
                onCancel={queue.cancel}
                onRetry={queue.retry}
                onSendAnyway={queue.sendAnyway}
                onOpenConnection={() => setPanelOpen(true)}
                onExported={queue.markExported}
              />
            </ErrorBoundary>
          ) : (
            <div className="empty-state">
              <p className="lead">{t('emptyViewer')}</p>
              <SampleGallery onPick={pickSample} />
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
