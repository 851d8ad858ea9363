import { useVirtualizer } from '@tanstack/react-virtual';
import { useCardlens, useCardlensState } from '@/ui/cardlens';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { cardView } from '@/model/card-view/card-view';
import { CoveredThumbnail } from '@/ui/covered-thumbnail';
import { ID_TYPE_NAMES } from '@/model/fields/field-names';
import { describeError } from '@/model/text/describe-error';
import { ConfirmExportDialog } from '@/ui/confirm-export-dialog';
import { useI18n } from '@/ui/i18n';
import { SERVICE_NAME } from '@/model/text/service-names';
import { useNow } from '@/ui/use-now';
import type { MessageKey } from '@/model/text/messages';
import { download } from '@/ui/download';
import { batchCsv, batchJson, type ExportItem } from './batch-export';
import type { RowFilter, SortKey } from '@/engine/queue/table-view';
import { exportName, inProgress } from '@/engine/queue/queue-item';
import { MAX_CONCURRENCY } from '@/engine/queue/queue-types';
import { useQualityText } from '@/ui/quality-note';
import { ReviewMark } from './review-mark';
import { StatusBadge } from './status-badge';

const ROW_HEIGHT = 48;
const THUMBNAIL_WIDTH = 56;
const COLUMNS: { key: SortKey | null; label: MessageKey; width: string }[] = [
  { key: null, label: 'thumbnail', width: '64px' },
  { key: 'file', label: 'file', width: 'minmax(140px, 2fr)' },
  { key: 'service', label: 'service', width: 'minmax(90px, 1fr)' },
  { key: 'idType', label: 'idType', width: 'minmax(90px, 1fr)' },
  { key: 'fields', label: 'fieldCount', width: '70px' },
  { key: 'lowest', label: 'lowestConfidence', width: '90px' },
  { key: 'rules', label: 'rules', width: '70px' },
  { key: 'status', label: 'status', width: 'minmax(90px, 1fr)' },
];
const GRID = COLUMNS.map((c) => c.width).join(' ');

/** The batch as a table: its progress and controls, every card filtered and sorted, and its exports. */
export function BatchPanel() {
  const engine = useCardlens();
  const { items, threshold, tableView, selectedId, concurrency, paused, presentation, reviews } = useCardlensState(
    (s) => s,
  );
  // null only until the table's code, the same chunk as this screen, is in the engine too
  const rows = useCardlensState((s) => s.rows) ?? [];
  const onTableView = engine.setTableView;
  const openCard = (id: string) => {
    engine.select(id);
    engine.setView('card');
  };
  const { filter, sort } = tableView;
  const { t, pick } = useI18n();
  const qualityText = useQualityText();
  const ids = { concurrency: useId(), filter: useId(), title: useId() };
  const [confirming, setConfirming] = useState<'csv' | 'json' | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const busy = items.some((i) => inProgress(i.status));
  // Redrawn twice a second while the batch runs, so the rate and the time left move with it.
  useNow(busy, Date.now, 500);
  const progress = engine.progress();

  const byId = useMemo(() => new Map(items.map((i) => [i.id, i])), [items]);

  // Only the rows in view are in the DOM: a thousand cards stay as light as twenty. (The warning is
  // the React Compiler's, which this project does not run; the virtualizer re-renders on scroll itself.)
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  // The card chosen is in view: the first of a new drop, below the rows already here, or the one ] and [
  // stepped to.
  const selectedIndex = selectedId === null ? -1 : rows.findIndex((row) => row.id === selectedId);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function exportAll(format: 'csv' | 'json', redacted: boolean) {
    const exported: ExportItem[] = items
      .filter((i) => i.status !== 'checking')
      .map((i) => ({
        file: i.file.name,
        name: exportName(i),
        service: i.kind,
        status: i.status,
        error: (i.rejection ?? i.hold)?.en ?? (i.error ? pick(describeError(i.error).title) : undefined),
        outcome: i.outcome,
        ruleFailures: i.outcome && cardView(i.outcome, i.secondRead).summary.ruleFailures,
      }));
    const suffix = redacted ? '-redacted' : '';
    if (format === 'csv')
      download(
        new Blob([batchCsv(exported, redacted)], { type: 'text/csv;charset=utf-8' }),
        `cardlens-batch${suffix}.csv`,
      );
    else
      download(new Blob([batchJson(exported, redacted)], { type: 'application/json' }), `cardlens-batch${suffix}.json`);
    // A redacted export keeps no full value: the results it masks are still only in this page.
    if (!redacted) engine.markExported(items.filter((i) => i.outcome).map((i) => i.id));
    setConfirming(null);
  }

  const failed = progress?.failed ?? 0;
  const cancelled = progress?.cancelled ?? 0;
  const percent = progress?.total ? Math.round(((progress.done + progress.failed) / progress.total) * 100) : 0;
  return (
    <section className="batch" aria-labelledby={ids.title}>
      <div className="row spread">
        <h2 id={ids.title}>{t('batch')}</h2>
        <div className="row">
          <label htmlFor={ids.concurrency} className="inline">
            {t('concurrency')}
          </label>
          <input
            id={ids.concurrency}
            type="number"
            min={1}
            max={MAX_CONCURRENCY}
            value={concurrency}
            onChange={(e) => engine.setConcurrency(Number(e.target.value))}
            className="narrow"
          />
          <button type="button" onClick={() => engine.setPaused(!paused)}>
            {paused ? t('resume') : t('pause')}
          </button>
          <button type="button" onClick={engine.cancelRest} disabled={!busy}>
            {t('cancelRest')}
          </button>
          <button type="button" onClick={engine.retryFailed} disabled={failed === 0}>
            {t('retryFailed', { n: failed })}
          </button>
          {cancelled > 0 && (
            <button type="button" onClick={engine.resumeCancelled}>
              {t('resumeCancelled', { n: cancelled })}
            </button>
          )}
        </div>
      </div>
      <div className="row">
        <progress max={100} value={percent} aria-label={t('progress')} />
        <span role="status" aria-live="polite" className="batch-progress">
          {/* Nothing rather than a wrong count, for the moment before the figures' code is here. */}
          {progress && (
            <>
              {t('progressText', { done: progress.done + failed, total: progress.total, failed })}
              {cancelled > 0 && ` · ${t('progressCancelled', { n: cancelled })}`}
              {progress.notSent > 0 && ` · ${t('progressNotSent', { n: progress.notSent })}`}
              {progress.perMinute !== null && ` · ${t('throughput', { n: progress.perMinute.toFixed(1) })}`}
              {progress.etaSeconds !== null && ` · ${t('eta', { s: progress.etaSeconds })}`}
              {paused && ` · ${t('paused')}`}
            </>
          )}
        </span>
      </div>
      <div className="row">
        <label htmlFor={ids.filter} className="inline">
          {t('show')}
        </label>
        <select
          id={ids.filter}
          value={filter}
          onChange={(e) => onTableView({ ...tableView, filter: e.target.value as RowFilter })}
          className="auto"
        >
          <option value="all">{t('filterAll')}</option>
          <option value="below-threshold">{t('filterBelow', { n: Math.round(threshold * 100) })}</option>
          <option value="rule-failure">{t('filterRules')}</option>
          <option value="failed">{t('filterFailed')}</option>
          <option value="disagree">{t('filterDisagree')}</option>
        </select>
        <span className="hint">{t('rowsShown', { n: rows.length, total: items.length })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setConfirming('csv')} disabled={items.length === 0}>
          {t('exportCsv')}
        </button>
        <button type="button" onClick={() => setConfirming('json')} disabled={items.length === 0}>
          {t('exportAllJson')}
        </button>
      </div>

      <div role="table" aria-label={t('results')} aria-rowcount={rows.length + 1} className="results-table">
        <div role="rowgroup">
          <div role="row" className="results-row header" style={{ gridTemplateColumns: GRID }} aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <div
                key={column.label}
                role="columnheader"
                aria-sort={
                  column.key && sort.key === column.key ? (sort.descending ? 'descending' : 'ascending') : undefined
                }
              >
                {column.key ? (
                  <button
                    type="button"
                    className="link"
                    onClick={() =>
                      onTableView({
                        ...tableView,
                        sort: { key: column.key!, descending: sort.key === column.key ? !sort.descending : false },
                      })
                    }
                  >
                    {t(column.label)}
                    {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </button>
                ) : (
                  <span className="visually-hidden">{t(column.label)}</span>
                )}
              </div>
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={scroller} className="results-body">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((virtual) => {
              const row = rows[virtual.index];
              const item = byId.get(row.id)!;
              const s = row.summary;
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={virtual.index + 2}
                  aria-selected={row.id === selectedId}
                  className={`results-row${row.id === selectedId ? ' selected' : ''}`}
                  style={{ gridTemplateColumns: GRID, transform: `translateY(${virtual.start}px)`, height: ROW_HEIGHT }}
                >
                  <div role="cell">
                    {item.thumbnail && presentation && item.image ? (
                      <CoveredThumbnail
                        src={item.thumbnail}
                        natural={item.image}
                        card={item.outcome ? cardView(item.outcome, item.secondRead) : null}
                        width={THUMBNAIL_WIDTH}
                      />
                    ) : item.thumbnail && !presentation ? (
                      <img src={item.thumbnail} alt="" width={THUMBNAIL_WIDTH} />
                    ) : null}
                  </div>
                  <div role="cell">
                    <button type="button" className="link file-name" onClick={() => openCard(row.id)}>
                      {row.file}
                    </button>
                  </div>
                  <div role="cell">{t(SERVICE_NAME[row.service])}</div>
                  <div role="cell">
                    {s?.idType ? pick(ID_TYPE_NAMES[s.idType] ?? { en: s.idType, ko: s.idType }) : '—'}
                  </div>
                  <div role="cell">{s ? s.fieldCount : '—'}</div>
                  <div role="cell">
                    {s?.lowestConf != null ? `${Math.round(s.lowestConf * 100)}%` : '—'}
                    {s?.lowestConf != null && s.lowestConf < threshold ? ' ⚠' : ''}
                  </div>
                  <div role="cell">{s ? (s.ruleFailures > 0 ? `✗ ${s.ruleFailures}` : '✓') : '—'}</div>
                  <div role="cell" title={item.rejection && pick(item.rejection)}>
                    <StatusBadge status={row.status} />
                    {item.caution && <WarningMark text={pick(item.caution)} />}
                    <QualityMark text={qualityText.sentence(item.quality)} />
                    {item.image && item.outcome && <ReviewMark review={reviews.get(item.image.sha256)} />}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>

      {confirming && (
        <ConfirmExportDialog
          what={confirming}
          onExport={(redacted) => exportAll(confirming, redacted)}
          onCancel={() => setConfirming(null)}
          allowFull={!presentation}
        />
      )}
    </section>
  );
}

/** The photo's predicted quality in the table: a mark whose title says it. */
/** ⚠ with its reason as its name, for a screen reader, and as its tooltip. */
const WarningMark = ({ text }: { text: string }) => (
  <span role="img" aria-label={text} title={text}>
    {' '}
    ⚠
  </span>
);
const QualityMark = ({ text }: { text: string | null }) => text && <WarningMark text={text} />;
