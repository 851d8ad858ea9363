import type Konva from 'konva';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { exportName, type QueueItem } from '@/engine/queue/queue-item';
import { cardView } from '@/model/card-view/card-view';
import { coverPicture } from '@/model/cover/cover-picture';
import { coverPlan, wholeCover, type CoverReason } from '@/model/cover/cover-plan';
import { FIELD_NAMES } from '@/model/fields/field-names';
import { hasBox, valueView } from '@/model/fields/result-fields';
import { useCardlens, useCardlensState } from '@/ui/cardlens';
import { ConfirmExportDialog } from '@/ui/confirm-export-dialog';
import { download } from '@/ui/download';
import { useI18n } from '@/ui/i18n';
import { TOUCH_SCREEN } from '@/ui/media';
import { useMedia } from '@/ui/use-media';
import type { MessageKey } from '@/model/text/messages';
import type { Layers } from './card-canvas';
import { annotatedPng, exportBase, resultJson } from './exports';
import { Inspector, type AuthenticityTab, type InspectorTab } from './inspector';
import { StatusOverlay } from './status-overlay';
import { useFullScreen } from './use-full-screen';
import { useViewerProbe } from './use-viewer-probe';
import { useViewportSize } from './use-viewport-size';
import { centreOf, keyAction } from './viewer-keymap';
import { resetDrawn } from './viewer-probe';
import { ViewerToolbar } from './viewer-toolbar';
import { actualSizeView, fitView, zoomAt, type Size, type ViewTransform } from './view-transform';

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

export interface ViewerProps {
  item: QueueItem;
  onOpenConnection: () => void;
  /** The authenticity check, shown in the inspector's tab of that name. */
  Authenticity: AuthenticityTab;
}

export function Viewer(props: ViewerProps) {
  const { item, onOpenConnection } = props;
  const engine = useCardlens();
  const presentation = useCardlensState((s) => s.presentation);
  const threshold = useCardlensState((s) => s.threshold);
  const rawChoice = useCardlensState((s) => s.rawPixels);
  const picture = useCardlensState((s) => s.picture);
  const reviews = useCardlensState((s) => s.reviews);
  const { t, pick, lang } = useI18n();
  const hintId = useId();
  const touch = useMedia(TOUCH_SCREEN);
  // Presentation covers the upright card; raw pixels would slide the cover off what it hides.
  const raw = rawChoice && !presentation;
  const shows = picture?.id === item.id && picture.raw === raw ? picture : null;
  const display = shows?.status === 'ready' ? shows : null;
  const decodeError = shows?.status === 'failed' ? shows.error : null;
  const canvasBox = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLDivElement>(null);
  const fullScreen = useFullScreen(main);
  const stageRef = useRef<Konva.Stage>(null);
  const viewport = useViewportSize(canvasBox);
  const [view, setView] = useState<ViewTransform>({ scale: 1, x: 0, y: 0 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [showValuesChoice, setShowValues] = useState(false);
  const [layers, setLayers] = useState<Layers>({ boxes: true, labels: true, values: true, extra: true });
  const [tab, setTab] = useState<InspectorTab>('fields');
  const [labelsHidden, setLabelsHidden] = useState(0);
  const [confirming, setConfirming] = useState<'png' | 'json' | null>(null);
  const showValues = showValuesChoice && !presentation;

  // One view per outcome object: the same arrays every render, so the canvas's scene stays put.
  const card = useMemo(
    () => (item.outcome ? cardView(item.outcome, item.secondRead) : null),
    [item.outcome, item.secondRead],
  );
  const fields = card?.fields ?? NO_FIELDS;
  const review = item.image && item.outcome ? reviews.get(item.image.sha256) : undefined;
  const natural = display?.natural;

  // A new card starts unselected, upright; a new picture or viewport size is fitted. Both are
  // adjusted while rendering, so no frame shows the old state.
  const [shown, setShown] = useState<{ id: string; natural?: Size; viewport?: Size }>({ id: item.id });
  if (shown.id !== item.id) {
    setShown({ id: item.id });
    setSelectedId(null);
    setHoveredId(null);
    setConfirming(null); // an export asked for one card must not go out for the next
  } else if (natural && (shown.natural !== natural || shown.viewport !== viewport)) {
    setShown({ id: item.id, natural, viewport });
    setView(fitView(natural, viewport));
  }
  useEffect(() => resetDrawn(), [item.id]);

  // Until its fields are known (queued, in flight, failed, cancelled) a card is covered whole.
  const cover = useMemo(() => (natural ? coverPlan(card, natural) : null), [card, natural]);
  const shownImage = useMemo(() => {
    if (!display) return null;
    return presentation && cover ? coverPicture(display.bitmap, display.natural, cover) : display.bitmap;
  }, [display, presentation, cover]);
  const coverNote = presentation && cover?.whole ? COVER_NOTES[cover.whole] : undefined;

  useViewerProbe({ item, card, review, selectedId, hoveredId, presentation, showValues, threshold, view, viewport });

  function onCanvasKey(e: KeyboardEvent<HTMLDivElement>) {
    const action = keyAction(e, { view, natural, viewport });
    if (!action) return;
    e.preventDefault();
    if (action.type === 'full-screen') fullScreen.toggle();
    else setView(action.view);
  }

  const names = { file: item.file.name, name: exportName(item) };

  /** Redacted: the covered picture and masked labels, as presentation mode shows it. */
  async function exportPng(redacted: boolean) {
    setConfirming(null);
    if (!shownImage || !display) return;
    // The cover is laid out on the upright card: over raw, unrotated pixels it would miss, so then
    // the redacted picture is covered whole.
    const plan = raw || !cover ? wholeCover(display.natural, 'raw-pixels') : cover;
    const source = redacted ? coverPicture(display.bitmap, display.natural, plan) : shownImage;
    const blob = await annotatedPng(source, display.natural, fields, card?.extras ?? [], {
      lang,
      values: redacted ? 'audience' : valueView(presentation, showValues),
      valuesInLabels: layers.values,
      threshold,
      labels: layers.labels,
      boxes: layers.boxes,
      extra: layers.extra,
    });
    download(blob, `${exportBase(names, redacted)}-cardlens${redacted ? '-redacted' : ''}.png`);
  }

  function exportJson(redacted: boolean) {
    if (!item.outcome) return;
    download(
      resultJson({ ...item.outcome, ...names, analysis: item.outcome.kind }, redacted),
      `${exportBase(names, redacted)}-cardlens${redacted ? '-redacted' : ''}.json`,
    );
    // Only the full JSON keeps the result: a picture or a redacted file does not.
    if (!redacted) engine.markExported([item.id]);
    setConfirming(null);
  }

  const legend = [...new Map(fields.filter(hasBox).map((f) => [f.key, f])).values()];
  return (
    <div className="viewer">
      <div className="viewer-main" ref={main}>
        <ViewerToolbar
          hasPicture={Boolean(natural)}
          hasResult={card !== null}
          onZoom={(factor) => setView(zoomAt(view, factor, centreOf(viewport)))}
          onFit={() => natural && setView(fitView(natural, viewport))}
          onActualSize={() => natural && setView(actualSizeView(natural, viewport))}
          layers={layers}
          onLayers={setLayers}
          showValues={showValues}
          presentation={presentation}
          onShowValues={setShowValues}
          threshold={threshold}
          onThreshold={engine.setThreshold}
          orientation={item.image && item.image.orientation !== 1 ? item.image.orientation : null}
          raw={rawChoice}
          onRaw={engine.setRawPixels}
          fullScreen={fullScreen}
          onExportPng={() => setConfirming('png')}
          onExportJson={() => setConfirming('json')}
        />
        <div
          className="canvas-box"
          ref={canvasBox}
          // On one column the canvas takes the card's shape, so the card fills it instead of a fixed box.
          style={natural ? ({ '--card-aspect': natural.width / natural.height } as CSSProperties) : undefined}
          tabIndex={0}
          role="application"
          aria-label={t('canvasLabel')}
          aria-describedby={hintId}
          onKeyDown={onCanvasKey}
        >
          {/* The stage stays while cards change, even through one still being checked, so the next
              card draws into canvases that already exist instead of allocating new ones. */}
          <Suspense fallback={<p className="canvas-status">{t('loading')}</p>}>
            <CardCanvas
              image={shownImage}
              natural={natural ?? NO_PICTURE}
              viewport={viewport}
              view={view}
              onViewChange={setView}
              fields={fields}
              extras={card?.extras ?? NO_EXTRAS}
              layers={layers}
              label={{ lang, values: valueView(presentation, showValues), threshold }}
              selectedId={selectedId}
              highlightedId={hoveredId}
              presentation={presentation}
              badges={card?.badges ?? NO_BADGES}
              charMarks={card?.charMarks}
              deviceReads={card?.deviceReads}
              onSelect={(id) => {
                setSelectedId(id);
                setTab('fields');
              }}
              onHover={setHoveredId}
              onLabelsHidden={setLabelsHidden}
              stageRef={stageRef}
            />
          </Suspense>
          {coverNote && <p className="canvas-note">{t(coverNote)}</p>}
          <StatusOverlay
            item={item}
            decodeError={decodeError}
            onCancel={engine.cancel}
            onRetry={engine.retry}
            onSendAnyway={engine.sendAnyway}
            onSendAs={engine.sendAs}
            onOpenConnection={onOpenConnection}
          />
        </div>
        <p id={hintId} className="hint">
          {t(touch ? 'touchGestures' : 'shortcuts')}
          {labelsHidden > 0 &&
            layers.labels &&
            ` ${t(touch ? 'labelsHiddenTouch' : 'labelsHidden', { n: labelsHidden })}`}
        </p>
        {legend.length > 0 && (
          <ul className="legend" aria-label={t('legend')}>
            {legend.map((f) => (
              <li key={f.key}>
                <span className="swatch" style={{ background: f.colour }} aria-hidden="true" />
                {pick(FIELD_NAMES[f.key] ?? { en: f.key, ko: f.key })}
              </li>
            ))}
          </ul>
        )}
      </div>

      <Inspector
        item={item}
        card={card}
        review={review}
        presentation={presentation}
        showValues={showValues}
        threshold={threshold}
        tab={tab}
        onTab={setTab}
        selectedId={selectedId}
        onSelect={setSelectedId}
        onHover={setHoveredId}
        Authenticity={props.Authenticity}
      />

      {confirming && (
        <ConfirmExportDialog
          what={confirming === 'png' ? 'png' : 'card-json'}
          onExport={(redacted) => (confirming === 'png' ? void exportPng(redacted) : exportJson(redacted))}
          onCancel={() => setConfirming(null)}
          allowFull={!presentation}
        />
      )}
    </div>
  );
}

/** What the note beside a card covered whole says, where the reason is worth saying. */
const COVER_NOTES: Partial<Record<CoverReason, MessageKey>> = {
  unplaced: 'coveredUnplaced',
  unusable: 'coveredUnusable',
};

const NO_FIELDS: never[] = [];
const NO_EXTRAS: never[] = [];
const NO_BADGES = new Map<string, 'fail' | 'info'>();
