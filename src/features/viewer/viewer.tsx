import type Konva from 'konva';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { AnalysisOutcome } from '@/api';
import { inProgress, type QueueItem } from '@/features/analyze/use-analysis-queue';
import { AuthenticityPanel } from '@/features/authenticity/authenticity-panel';
import { FIELD_NAMES, ID_TYPE_NAMES } from '@/features/fields/field-names';
import { redactResult } from '@/features/fields/redact';
import { extraBoxesOf, fieldsOf, isBelow, type AnyResult } from '@/features/fields/result-fields';
import { badgesByField, checkRules, isProblem } from '@/features/rules/check-rules';
import { RulesPanel } from '@/features/rules/rules-panel';
import { ReviewBar } from '@/features/review/review-bar';
import { useReviews } from '@/features/review/review-context';
import { ErrorNotice } from '@/features/shared/error-notice';
import { ConfirmExportDialog } from '@/features/shared/confirm-export-dialog';
import { useI18n } from '@/features/shared/i18n';
import type { MessageKey } from '@/features/shared/messages';
import type { Layers } from './card-canvas';
import { annotatedPng, baseName, download, resultJson } from './exports';
import { FieldList } from './field-list';
import { displayedValue } from './label-text';
import { pixelated } from './pixelate';
import { useBitmap } from './use-bitmap';
import { useFullScreen } from './use-full-screen';
import { publishViewerState, resetDrawn } from './viewer-probe';
import { actualSizeView, fitView, panBy, stagePoint, zoomAt, type Size, type ViewTransform } from './view-transform';

const loadCardCanvas = () => import('./card-canvas');
const CardCanvas = lazy(loadCardCanvas);

/** Fetch the canvas chunk while the visitor reads the first screen, so the first drop draws at once. */
export function prefetchCardCanvas(): Promise<void> {
  return loadCardCanvas().then(
    () => undefined,
    () => undefined,
  );
}

const NO_PICTURE: Size = { width: 0, height: 0 };

const STAGE_TEXT: Record<string, MessageKey> = {
  preparing: 'stagePreparing',
  encrypting: 'stageEncrypting',
  sending: 'stageSending',
  decrypting: 'stageDecrypting',
};

type Tab = 'fields' | 'rules' | 'authenticity' | 'json' | 'timings';

function anyResult(outcome: AnalysisOutcome): AnyResult {
  return outcome.kind === 'credit-card'
    ? { kind: 'credit-card', result: outcome.result }
    : { kind: 'id-card', result: outcome.result };
}

function useViewportSize(ref: React.RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 800, height: 500 });
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width > 0 && height > 0) setSize({ width: Math.floor(width), height: Math.floor(height) });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

interface Props {
  item: QueueItem;
  presentation: boolean;
  threshold: number;
  onThreshold: (threshold: number) => void;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onOpenConnection: () => void;
}

export function Viewer({
  item,
  presentation,
  threshold,
  onThreshold: setThreshold,
  onCancel,
  onRetry,
  onOpenConnection,
}: Props) {
  const { t, pick, lang } = useI18n();
  const ids = { threshold: useId(), tabs: useId() };
  const [raw, setRaw] = useState(false);
  const { display, error: decodeError } = useBitmap(item.file, item.image, raw);
  const canvasBox = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLDivElement>(null);
  const fullScreen = useFullScreen(main);
  const stageRef = useRef<Konva.Stage>(null);
  const viewport = useViewportSize(canvasBox);
  const [view, setView] = useState<ViewTransform>({ scale: 1, x: 0, y: 0 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [lowFirst, setLowFirst] = useState(false);
  const [showValuesChoice, setShowValues] = useState(false);
  const [layers, setLayers] = useState<Layers>({ boxes: true, labels: true, values: true, extra: true });
  const [tab, setTab] = useState<Tab>('fields');
  const [labelsHidden, setLabelsHidden] = useState(0);
  const [confirmingJson, setConfirmingJson] = useState(false);
  const showValues = showValuesChoice && !presentation;

  const result = item.outcome ? anyResult(item.outcome) : null;
  const fields = useMemo(() => (result ? fieldsOf(result) : []), [result]);
  const extras = useMemo(() => (result ? extraBoxesOf(result) : []), [result]);
  const rules = useMemo(() => (result ? checkRules(result, fields) : []), [result, fields]);
  const badges = useMemo(() => badgesByField(rules), [rules]);
  const flagged = useMemo(() => new Set([...badges].filter(([, kind]) => kind === 'fail').map(([id]) => id)), [badges]);
  const { reviews } = useReviews();
  const reviewCard = item.image && item.outcome ? { sha256: item.image.sha256, file: item.file.name } : null;
  const review = reviewCard ? reviews.get(reviewCard.sha256) : undefined;
  const natural = display?.natural;

  // Fit whenever a new picture arrives or the viewport changes size.
  useEffect(() => {
    if (natural) setView(fitView(natural, viewport));
  }, [natural, viewport]);
  useEffect(() => {
    setSelectedId(null);
    setHoveredId(null);
    setRaw(false);
    resetDrawn();
  }, [item.id]);

  const shownImage = useMemo(() => {
    if (!display) return null;
    if (!presentation) return display.bitmap;
    const sensitive = fields.filter((f) => f.sensitivity && f.quad).map((f) => f.quad!);
    return pixelated(display.bitmap, display.natural, sensitive);
  }, [display, presentation, fields]);

  useEffect(() => {
    publishViewerState({
      selectedId,
      highlightedId: hoveredId ?? selectedId,
      presentation,
      fileName: item.file.name,
      timings: item.outcome?.timings ?? null,
      startedAt: item.startedAt ?? null,
      verdicts: Object.fromEntries(Object.entries(review?.fields ?? {}).map(([id, f]) => [id, f.verdict])),
      badges: [...badges].map(([fieldId, kind]) => ({ fieldId, kind })),
      rules: rules.map((r) => ({ rule: r.rule, fieldId: r.fieldId, key: r.key, outcome: r.outcome })),
      fields: fields.map((f) => ({
        id: f.id,
        key: f.key,
        value: f.value,
        shown: displayedValue(f, showValues),
        quad: f.quad !== null,
        centre: f.quad && {
          x: (f.quad.x1 + f.quad.x2 + f.quad.x3 + f.quad.x4) / 4,
          y: (f.quad.y1 + f.quad.y2 + f.quad.y3 + f.quad.y4) / 4,
        },
        below: isBelow(f, threshold),
      })),
      view,
      viewport,
    });
    return () => publishViewerState(null);
  }, [fields, selectedId, hoveredId, presentation, showValues, threshold, badges, rules, review, item, view, viewport]);

  function onCanvasKey(e: KeyboardEvent<HTMLDivElement>) {
    // Ctrl+0, Ctrl+F and the like stay the browser's.
    if (!natural || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'f') {
      e.preventDefault();
      fullScreen.toggle();
      return;
    }
    const centre = stagePoint(viewport.width / 2, viewport.height / 2);
    const step = 48;
    const actions: Record<string, () => ViewTransform> = {
      '+': () => zoomAt(view, 1.25, centre),
      '=': () => zoomAt(view, 1.25, centre),
      '-': () => zoomAt(view, 0.8, centre),
      '0': () => fitView(natural, viewport),
      '1': () => actualSizeView(natural, viewport),
      ArrowLeft: () => panBy(view, step, 0),
      ArrowRight: () => panBy(view, -step, 0),
      ArrowUp: () => panBy(view, 0, step),
      ArrowDown: () => panBy(view, 0, -step),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      setView(action());
    }
  }

  async function exportPng() {
    if (!shownImage || !display) return;
    const source = shownImage as CanvasImageSource & { width: number; height: number };
    const blob = await annotatedPng(source, display.natural, fields, extras, {
      lang,
      showValues,
      valuesInLabels: layers.values,
      threshold,
      labels: layers.labels,
      boxes: layers.boxes,
      extra: layers.extra,
    });
    download(blob, `${baseName(item.file.name)}-cardlens.png`);
  }

  function exportJson(redacted: boolean) {
    if (!result || !item.outcome) return;
    download(
      resultJson({ ...result, fileName: item.file.name, analysis: item.outcome.kind }, redacted),
      `${baseName(item.file.name)}-cardlens${redacted ? '-redacted' : ''}.json`,
    );
    setConfirmingJson(false);
  }

  const zoom = (factor: number) => setView(zoomAt(view, factor, stagePoint(viewport.width / 2, viewport.height / 2)));
  const canAuthenticate = item.outcome?.kind === 'id-card';
  const tabs: { id: Tab; label: MessageKey; hidden?: boolean }[] = [
    { id: 'fields', label: 'fields' },
    { id: 'rules', label: 'rules', hidden: !result },
    { id: 'authenticity', label: 'authenticity', hidden: !canAuthenticate },
    { id: 'json', label: 'json', hidden: presentation || !result },
    { id: 'timings', label: 'timings', hidden: presentation || !item.outcome },
  ];
  const activeTab = tabs.find((x) => x.id === tab && !x.hidden) ? tab : 'fields';
  const layerToggles: { key: keyof Layers; label: MessageKey }[] = [
    { key: 'boxes', label: 'layerBoxes' },
    { key: 'labels', label: 'layerLabels' },
    { key: 'values', label: 'layerValues' },
    { key: 'extra', label: 'layerExtra' },
  ];

  return (
    <div className="viewer">
      <div className="viewer-main" ref={main}>
        <div className="toolbar" role="toolbar" aria-label={t('layers')}>
          <button type="button" onClick={() => zoom(0.8)} aria-label={t('zoomOut')} disabled={!natural}>
            −
          </button>
          <button type="button" onClick={() => zoom(1.25)} aria-label={t('zoomIn')} disabled={!natural}>
            +
          </button>
          <button type="button" onClick={() => natural && setView(fitView(natural, viewport))} disabled={!natural}>
            {t('fit')}
          </button>
          <button
            type="button"
            onClick={() => natural && setView(actualSizeView(natural, viewport))}
            disabled={!natural}
          >
            {t('actualSize')}
          </button>
          <span className="divider" />
          {layerToggles.map((layer) => (
            <label key={layer.key} className="inline">
              <input
                type="checkbox"
                checked={layers[layer.key]}
                onChange={(e) => setLayers({ ...layers, [layer.key]: e.target.checked })}
              />
              {t(layer.label)}
            </label>
          ))}
          <span className="divider" />
          <label className="inline">
            <input
              type="checkbox"
              checked={showValues}
              disabled={presentation}
              onChange={(e) => setShowValues(e.target.checked)}
            />
            {t('showValues')}
          </label>
          <label htmlFor={ids.threshold} className="inline">
            {t('confidenceThreshold')}
          </label>
          <input
            id={ids.threshold}
            type="range"
            min={0}
            max={1}
            step={0.01}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
          />
          <output htmlFor={ids.threshold}>{Math.round(threshold * 100)}%</output>
          {item.image && item.image.orientation !== 1 && (
            <label className="inline" title={t('exifNote', { orientation: item.image.orientation })}>
              <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} />
              {t('rawPixels')}
            </label>
          )}
          <span className="divider" />
          <span className="button-group">
            {fullScreen.available && (
              <button type="button" onClick={fullScreen.toggle} aria-pressed={fullScreen.active} aria-keyshortcuts="F">
                {t('fullScreen')}
              </button>
            )}
            <button type="button" onClick={() => void exportPng()} disabled={!shownImage}>
              {t('exportPng')}
            </button>
            <button type="button" onClick={() => setConfirmingJson(true)} disabled={!result}>
              {t('exportJson')}
            </button>
          </span>
        </div>

        <div
          className="canvas-box"
          ref={canvasBox}
          tabIndex={0}
          role="application"
          aria-label={t('canvasLabel')}
          aria-describedby={`${ids.tabs}-keys`}
          onKeyDown={onCanvasKey}
        >
          {/* The stage stays while cards change, so moving to the next card draws into canvases
              that already exist instead of allocating new ones. */}
          {item.image && (
            <Suspense fallback={<p className="canvas-status">{t('loading')}</p>}>
              <CardCanvas
                image={shownImage}
                natural={natural ?? NO_PICTURE}
                viewport={viewport}
                view={view}
                onViewChange={setView}
                fields={fields}
                extras={extras}
                layers={layers}
                label={{ lang, showValues, threshold }}
                selectedId={selectedId}
                highlightedId={hoveredId}
                presentation={presentation}
                badges={badges}
                onSelect={(id) => {
                  setSelectedId(id);
                  setTab('fields');
                }}
                onHover={setHoveredId}
                onLabelsHidden={setLabelsHidden}
                stageRef={stageRef}
              />
            </Suspense>
          )}
          <StatusOverlay
            item={item}
            decodeError={decodeError}
            onCancel={onCancel}
            onRetry={onRetry}
            onOpenConnection={onOpenConnection}
          />
        </div>
        <p id={`${ids.tabs}-keys`} className="hint">
          {t('shortcuts')}
          {labelsHidden > 0 && layers.labels && ` ${t('labelsHidden', { n: labelsHidden })}`}
        </p>
        {fields.length > 0 && (
          <ul className="legend" aria-label={t('legend')}>
            {[...new Map(fields.filter((f) => f.quad).map((f) => [f.key, f])).values()].map((f) => (
              <li key={f.key}>
                <span className="swatch" style={{ background: f.colour }} aria-hidden="true" />
                {pick(FIELD_NAMES[f.key] ?? { en: f.key, ko: f.key })}
              </li>
            ))}
          </ul>
        )}
      </div>

      <aside className="viewer-side">
        <div role="tablist" aria-label={t('fields')}>
          {tabs
            .filter((x) => !x.hidden)
            .map((x) => (
              <button
                key={x.id}
                type="button"
                role="tab"
                id={`${ids.tabs}-${x.id}`}
                aria-selected={activeTab === x.id}
                aria-controls={`${ids.tabs}-${x.id}-panel`}
                onClick={() => setTab(x.id)}
              >
                {t(x.label)}
              </button>
            ))}
        </div>
        <div
          role="tabpanel"
          id={`${ids.tabs}-${activeTab}-panel`}
          aria-labelledby={`${ids.tabs}-${activeTab}`}
          className="tab-panel"
        >
          {activeTab === 'fields' && (
            <>
              {item.outcome && <ResultDetails outcome={item.outcome} />}
              <label className="inline">
                <input type="checkbox" checked={lowFirst} onChange={(e) => setLowFirst(e.target.checked)} />
                {t('lowFirst')}
              </label>
              {rules.some(isProblem) && (
                <button type="button" className="link rule-summary" onClick={() => setTab('rules')}>
                  ✗ {t('ruleFailures', { n: rules.filter(isProblem).length })}
                </button>
              )}
              {!presentation && reviewCard && (
                <ReviewBar
                  card={reviewCard}
                  fields={fields}
                  flagged={flagged}
                  threshold={threshold}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                />
              )}
              <FieldList
                verdicts={review?.fields ?? {}}
                badges={badges}
                fields={fields}
                threshold={threshold}
                lowFirst={lowFirst}
                showValues={showValues}
                selectedId={selectedId}
                onSelect={setSelectedId}
                onHover={setHoveredId}
              />
            </>
          )}
          {activeTab === 'rules' && (
            <RulesPanel
              rules={rules}
              fields={fields}
              showValues={showValues}
              onSelect={(id) => {
                setSelectedId(id);
              }}
            />
          )}
          {activeTab === 'authenticity' && item.outcome?.kind === 'id-card' && (
            <AuthenticityPanel key={item.id} analysis={item.outcome} showValues={showValues} />
          )}
          {activeTab === 'json' && result && (
            <>
              {!showValues && <p className="hint">{t('jsonMasked')}</p>}
              <pre className="json" role="region" tabIndex={0} aria-label={t('jsonResult')}>
                {JSON.stringify(showValues ? result.result : redactResult(result), null, 2)}
              </pre>
            </>
          )}
          {activeTab === 'timings' && item.outcome && <TimingTable outcome={item.outcome} />}
        </div>
      </aside>

      {confirmingJson && (
        <ConfirmExportDialog
          onExport={exportJson}
          onCancel={() => setConfirmingJson(false)}
          allowFull={!presentation}
        />
      )}
    </div>
  );

  function ResultDetails({ outcome }: { outcome: AnalysisOutcome }) {
    const r = outcome.result as { fileType: string; resolution: string; idType?: string };
    return (
      <dl className="result-details">
        {'idType' in r && r.idType && (
          <>
            <dt>{t('idType')}</dt>
            <dd>{pick(ID_TYPE_NAMES[r.idType] ?? { en: r.idType, ko: r.idType })}</dd>
          </>
        )}
        <dt>{t('fileType')}</dt>
        <dd>{r.fileType}</dd>
        <dt>{t('resolution')}</dt>
        <dd>
          {r.resolution === 'low'
            ? `⚠ ${t('resolutionLow')}`
            : r.resolution === 'normal'
              ? t('resolutionNormal')
              : r.resolution}
        </dd>
        {!presentation && (
          <>
            <dt>{t('keyVersionUsed')}</dt>
            <dd>{outcome.keyVersion}</dd>
          </>
        )}
      </dl>
    );
  }

  function TimingTable({ outcome }: { outcome: AnalysisOutcome }) {
    const rows: [MessageKey, number][] = [
      ['timingPrepare', outcome.timings.prepareMs],
      ['timingEncrypt', outcome.timings.encryptMs],
      ['timingRequest', outcome.timings.requestMs],
      ['timingDecrypt', outcome.timings.decryptMs],
      ['timingTotal', outcome.timings.totalMs],
    ];
    return (
      <table className="timings" aria-label={t('timings')}>
        <tbody>
          {rows.map(([label, ms]) => (
            <tr key={label}>
              <th scope="row">{t(label)}</th>
              <td>{ms.toFixed(1)} ms</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }

  function StatusOverlay(p: {
    item: QueueItem;
    decodeError: unknown;
    onCancel: (id: string) => void;
    onRetry: (id: string) => void;
    onOpenConnection: () => void;
  }) {
    const it = p.item;
    if (it.status === 'rejected' && it.rejection) {
      return (
        <div className="canvas-status notice notice-error" role="alert">
          {pick(it.rejection)}
        </div>
      );
    }
    if (inProgress(it.status)) {
      const label =
        it.status === 'working' && it.stage
          ? t(STAGE_TEXT[it.stage])
          : it.status === 'queued'
            ? t('statusQueued')
            : t('statusChecking');
      return (
        <div className="canvas-status progress" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" />
          <span>{label}</span>
          {it.status !== 'checking' && (
            <button type="button" onClick={() => p.onCancel(it.id)}>
              {t('cancel')}
            </button>
          )}
        </div>
      );
    }
    return (
      <>
        {it.status === 'failed' && (
          <div className="canvas-status">
            <ErrorNotice error={it.error} onOpenConnection={p.onOpenConnection} />
            <button type="button" onClick={() => p.onRetry(it.id)}>
              {t('retry')}
            </button>
          </div>
        )}
        {it.status === 'cancelled' && (
          <div className="canvas-status" role="status">
            {t('statusCancelled')}{' '}
            <button type="button" onClick={() => p.onRetry(it.id)}>
              {t('retry')}
            </button>
          </div>
        )}
        {it.image?.lowResolution && it.status === 'done' && (
          <p className="canvas-note">{t('lowResolutionWarning', { width: it.image.width, height: it.image.height })}</p>
        )}
        {p.decodeError !== null && (
          <div className="canvas-status field-error">
            {p.decodeError instanceof Error ? p.decodeError.message : 'The image could not be decoded.'}
          </div>
        )}
      </>
    );
  }
}
