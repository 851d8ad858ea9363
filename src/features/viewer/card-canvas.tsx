import type Konva from 'konva';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Shape, Stage } from 'react-konva';
import type { ImageQuad } from '@/api';
import type { ViewerField } from '@/model/fields/result-fields';
import { fieldsAt, fieldToSelect, labelAt } from './hit-test';
import { labelFontSizes, type LabelOptions } from './label-text';
import { createMotionCache } from './motion-cache';
import { drawOverlay, type Drawn, type OverlayScene } from './overlay-drawing';
import { useCanvasProbe } from './use-viewer-probe';
import {
  panBy,
  pinchView,
  stagePoint,
  stageToImage,
  zoomAt,
  type Pinch,
  type Size,
  type StagePoint,
  type ViewTransform,
} from './view-transform';

export interface Layers {
  boxes: boolean;
  labels: boolean;
  values: boolean;
  extra: boolean;
}

export interface CardCanvasProps {
  image: CanvasImageSource | null;
  natural: Size;
  viewport: Size;
  view: ViewTransform;
  onViewChange: (view: ViewTransform) => void;
  fields: ViewerField[];
  extras: ImageQuad[];
  layers: Layers;
  label: Omit<LabelOptions, 'valuesInLabels'>;
  selectedId: string | null;
  highlightedId: string | null;
  presentation: boolean;
  /** Rule badges by field id: drawn at the box's top-right corner. */
  badges: Map<string, 'fail' | 'info'>;
  /** Characters failing rules name, by field id. */
  charMarks?: Map<string, number[]>;
  /** What the device's second read saw, by field id, where it differs. */
  deviceReads?: Map<string, string>;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  /** After each crisp draw: how many labels gave way for want of room. */
  onLabelsHidden?: (count: number) => void;
  stageRef?: React.Ref<Konva.Stage>;
}

/** A press that moves less than this is a click on a box, not the start of a pan. */
const CLICK_SLOP = 4;
/** The view is still moving if it changed this recently; after that, the overlay is drawn crisp. */
const SETTLE_MS = 150;
type Picture = CanvasImageSource & { width: number; height: number };

/**
 * Renders the viewer's state: the picture and one shape that draws every box, label and badge.
 * Hover and clicks are found in image space (hit-test.ts), so no box needs a Konva node of its own.
 */
export default function CardCanvas(props: CardCanvasProps) {
  const {
    natural,
    viewport,
    view,
    onViewChange,
    fields,
    extras,
    layers,
    selectedId,
    highlightedId,
    presentation,
    badges,
    charMarks,
    deviceReads,
    label,
    onSelect,
    onHover,
    onLabelsHidden,
    stageRef,
  } = props;
  // A closed ImageBitmap reports width 0; drawing it would throw.
  const image = props.image && (props.image as Picture).width !== 0 ? (props.image as Picture) : null;
  const press = useRef<{ from: StagePoint; view: ViewTransform; moved: boolean } | null>(null);
  const pinch = useRef<{ from: Pinch; view: ViewTransform } | null>(null);
  /** Where two fingers touch, in stage pixels; null unless exactly two do. */
  const fingers = (e: Konva.KonvaEventObject<TouchEvent>): Pinch | null => {
    const at = e.target.getStage()?.getPointersPositions() ?? [];
    return e.evt.touches.length === 2 && at.length === 2
      ? [stagePoint(at[0].x, at[0].y), stagePoint(at[1].x, at[1].y)]
      : null;
  };
  const [grabbing, setGrabbing] = useState(false);
  const [pointing, setPointing] = useState(false);
  const focusId = highlightedId ?? selectedId;
  const { lang, values, threshold } = label;
  const scene = useMemo<OverlayScene>(
    () => ({
      fields,
      extras,
      show: layers,
      label: { lang, values, threshold, valuesInLabels: layers.values },
      focusId,
      badges,
      charMarks,
      deviceReads,
      ...labelFontSizes(presentation, viewport.width),
    }),
    [
      fields,
      extras,
      layers,
      lang,
      values,
      threshold,
      focusId,
      badges,
      charMarks,
      deviceReads,
      presentation,
      viewport.width,
    ],
  );
  const layerRef = useRef<Konva.Layer>(null);
  const [motion] = useState(createMotionCache);
  const lastMove = useRef(-Infinity);
  const settleTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const previous = useRef<{ view: ViewTransform; image: Picture | null } | null>(null);
  /** What the last crisp draw drew, so pointing at a label finds its field; null while the view moves. */
  const lastDrawn = useRef<Drawn | null>(null);
  // While the view moves, frames sample the photo without smoothing and move the overlay as one
  // picture: about a third of the cost. The settled frame is crisp.
  const isMoving = () => performance.now() - lastMove.current < SETTLE_MS;
  useCanvasProbe(layerRef, () => ({
    painting: image && { image, natural, scene, view, viewport, moving: isMoving() },
    drawn: lastDrawn.current,
  }));
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { view, image };
    // A new picture, or the first, is shown at once and crisp; only a view that changes under the
    // same picture is a motion.
    if (!before || before.image !== image) {
      lastMove.current = -Infinity;
      return;
    }
    if (before.view.scale === view.scale && before.view.x === view.x && before.view.y === view.y) return;
    lastMove.current = performance.now();
    lastDrawn.current = null; // its labels move with the view until the next crisp draw
    clearTimeout(settleTimer.current);
    settleTimer.current = setTimeout(() => {
      motion.clear();
      layerRef.current?.batchDraw();
    }, SETTLE_MS);
  }, [view, image, motion]);
  useEffect(
    () => () => {
      clearTimeout(settleTimer.current);
      motion.clear();
    },
    [motion],
  );

  const pointer = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent | WheelEvent>) => {
    const p = e.target.getStage()?.getPointerPosition();
    return p ? stagePoint(p.x, p.y) : stagePoint(viewport.width / 2, viewport.height / 2);
  };
  // Boxes first, so every box stays reachable where another field's label lies over it; a label
  // elsewhere stands for its field.
  const fieldsUnder = (p: StagePoint): ViewerField[] => {
    const boxed = layers.boxes ? fieldsAt(fields, stageToImage(p, view)) : [];
    if (boxed.length > 0 || !layers.labels) return boxed;
    const labelled = labelAt(lastDrawn.current?.labels ?? [], p);
    return fields.filter((f) => f.id === labelled);
  };
  const hover = (p: StagePoint) => {
    // Over a box two fields share, the selected one stays lit rather than the first.
    const under = fieldsUnder(p);
    const id = (under.find((f) => f.id === selectedId) ?? under[0])?.id ?? null;
    setPointing(id !== null);
    if (id !== highlightedId) onHover(id);
  };
  const release = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent>) => {
    const wasClick = press.current && !press.current.moved;
    press.current = null;
    setGrabbing(false);
    const field = wasClick ? fieldToSelect(fieldsUnder(pointer(e)), selectedId) : null;
    if (field) onSelect(field.id);
  };

  return (
    <Stage
      ref={stageRef}
      width={viewport.width}
      height={viewport.height}
      style={{ cursor: grabbing ? 'grabbing' : pointing ? 'pointer' : 'grab' }}
      onWheel={(e) => {
        e.evt.preventDefault();
        onViewChange(zoomAt(view, Math.exp(-e.evt.deltaY * 0.0015), pointer(e)));
      }}
      onMouseDown={(e) => {
        press.current = { from: pointer(e), view, moved: false };
        setGrabbing(true);
      }}
      onMouseMove={(e) => {
        const p = pointer(e);
        const pressed = press.current;
        if (!pressed) return hover(p);
        const dx = p.x - pressed.from.x;
        const dy = p.y - pressed.from.y;
        if (!pressed.moved && Math.hypot(dx, dy) < CLICK_SLOP) return;
        pressed.moved = true;
        onViewChange(panBy(pressed.view, dx, dy));
      }}
      onMouseUp={release}
      onMouseLeave={() => {
        press.current = null;
        setGrabbing(false);
        setPointing(false);
        if (highlightedId !== null) onHover(null);
      }}
      onTouchStart={(e) => {
        if (e.evt.touches.length === 1) press.current = { from: pointer(e), view, moved: false };
        const now = fingers(e);
        if (now) pinch.current = { from: now, view };
      }}
      onTouchMove={(e) => {
        // One finger scrolls the page; two pan and zoom the card.
        const now = fingers(e);
        if (!now) return;
        e.evt.preventDefault();
        if (press.current) press.current.moved = true;
        if (!pinch.current) pinch.current = { from: now, view };
        else onViewChange(pinchView(pinch.current.view, pinch.current.from, now));
      }}
      onTouchEnd={(e) => {
        pinch.current = null;
        release(e);
      }}
    >
      <Layer listening={false} ref={layerRef}>
        {image && (
          <Shape
            sceneFunc={(context) => {
              const ctx = context._context;
              const moving = isMoving();
              ctx.imageSmoothingEnabled = !moving;
              ctx.drawImage(image, view.x, view.y, natural.width * view.scale, natural.height * view.scale);
              if (moving && motion.drawMoving(ctx, scene, view, viewport)) return;
              const drawn = drawOverlay(ctx, scene, view, viewport);
              lastDrawn.current = drawn;
              onLabelsHidden?.(drawn.labelsHidden);
            }}
          />
        )}
      </Layer>
    </Stage>
  );
}
