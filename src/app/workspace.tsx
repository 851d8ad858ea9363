import { useCallback, useEffect, useMemo, useState } from 'react';
import { OcrError } from '@/api';
import { ConnectionChangePrompt, QueueList, SampleGallery } from '@/features/analyze';
import { DEFAULT_TABLE_VIEW, queueOrder, type TableView } from '@/engine/queue/table-view';
import { useAnalysisQueue } from '@/ui/use-analysis-queue';
import { useLeaveGuard } from '@/ui/use-leave-guard';
import { unsaved } from '@/engine/queue/queue-item';
import { type QueueEvent } from '@/engine/queue/queue-types';
import { useConnection } from '@/ui/connection';
import { ReviewProvider } from '@/ui/review-context';
import { ErrorBoundary } from '@/ui/error-boundary';
import { useI18n } from '@/ui/i18n';
import { decodeOnScreen } from '@/images/display-decode';
import { BatchPanel, ConnectionPanel, ReportView, SessionControls, useBatchCode, Viewer } from './deferred';
import { answeredBy } from './answer-source';
import { checkBeforeSend, useSecondReadsOnDevice } from './device-reader';
import type { Intake } from './intake';
import { ReaderDownloadBar } from './reader-download';
import { UpdatePrompt } from './update-prompt';
import { CardIntake, EmptyState, ViewTabs, WorkspaceFrame, type PageChoices } from './workspace-frame';

/**
 * The queue and everything that shows it: the viewer, the batch table, the report. Its code arrives
 * after the first paint (app.tsx); files dropped before that wait in the intake.
 */
export function Workspace(props: PageChoices & { intake: Intake }) {
  return (
    <ReviewProvider>
      <QueueScreens {...props} />
    </ReviewProvider>
  );
}

function QueueScreens({ intake, ...choices }: PageChoices & { intake: Intake }) {
  const { presentation, checks, view, onView, onFiles, onPick } = choices;
  const { t } = useI18n();
  const { settings, identity, panelOpen, setPanelOpen } = useConnection();
  const onQueueEvent = useCallback(
    (event: QueueEvent) => {
      if (event.error instanceof OcrError && event.error.isConnectionProblem) setPanelOpen(true);
    },
    [setPanelOpen],
  );
  const queue = useAnalysisQueue({
    decodeOnScreen,
    onEvent: onQueueEvent,
    checkBeforeSend: checks.preSend ? checkBeforeSend : null,
    answeredBy,
  });
  const secondReads = useSecondReadsOnDevice(queue, checks.secondRead);
  // Results live in this page only: leaving it while work is unsaved asks first.
  useLeaveGuard(queue.items.some(unsaved));
  useEffect(() => intake.attach(queue.addFiles), [intake, queue.addFiles]);
  const [threshold, setThreshold] = useState(0.8);
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

  const cardNav = view === 'card' && tableOrder.length > 1 && (
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
  );

  return (
    <WorkspaceFrame
      onFiles={onFiles}
      left={
        <>
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
          <CardIntake {...choices} />
          <QueueList
            items={queue.items}
            selectedId={queue.selected?.id ?? null}
            onSelect={queue.select}
            onRetry={queue.retry}
            onSendAnyway={queue.sendAnyway}
            onClear={queue.clearFinished}
          />
          {queue.selected && <SampleGallery compact onPick={onPick} />}
        </>
      }
      centre={
        <>
          <ViewTabs view={view} onView={onView} cards={queue.items.length}>
            {cardNav}
          </ViewTabs>
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
                  onView('card');
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
            <EmptyState onPick={onPick} />
          )}
        </>
      }
    />
  );
}

/** The screens the workspace shows, fetched ahead (the first drop wants them whatever the connection). */
export { loadDeferred as prefetchScreens } from './deferred';
