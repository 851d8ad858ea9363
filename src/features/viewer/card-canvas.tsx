import type Konva from 'konva';
import { useRef, useState } from 'react';
import { Image as KonvaImage, Label, Layer, Line, Stage, Tag, Text } from 'react-konva';
import type { ImageQuad } from '@/api';
import { isBelow, type ViewerField } from '@/features/fields/result-fields';
import { EXTRA_BOX_COLOUR } from '@/features/fields/palette';
import { labelText, type LabelOptions } from './label-text';
import {
  imageToStage,
  quadCorners,
  quadToStage,
  stagePoint,
  zoomAt,
  panBy,
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
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  stageRef?: React.Ref<Konva.Stage>;
}

const DIM = 0.35;

/** Renders the viewer's state; every decision about it is made in plain TypeScript outside. */
export default function CardCanvas(props: CardCanvasProps) {
  const {
    image,
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
    label,
    onSelect,
    onHover,
    stageRef,
  } = props;
  const drag = useRef<{ from: StagePoint; view: ViewTransform } | null>(null);
  const pinch = useRef<{ distance: number; view: ViewTransform } | null>(null);
  const [grabbing, setGrabbing] = useState(false);
  const focusId = highlightedId ?? selectedId;
  const boxed = fields.filter((f) => f.quad);

  const pointer = (e: Konva.KonvaEventObject<MouseEvent | TouchEvent | WheelEvent>) => {
    const p = e.target.getStage()?.getPointerPosition();
    return p ? stagePoint(p.x, p.y) : stagePoint(viewport.width / 2, viewport.height / 2);
  };

  const fontSize = presentation ? 18 : 12;

  return (
    <Stage
      ref={stageRef}
      width={viewport.width}
      height={viewport.height}
      style={{ cursor: grabbing ? 'grabbing' : 'grab' }}
      onWheel={(e) => {
        e.evt.preventDefault();
        onViewChange(zoomAt(view, Math.exp(-e.evt.deltaY * 0.0015), pointer(e)));
      }}
      onMouseDown={(e) => {
        drag.current = { from: pointer(e), view };
        setGrabbing(true);
      }}
      onMouseMove={(e) => {
        if (!drag.current) return;
        const p = pointer(e);
        onViewChange(panBy(drag.current.view, p.x - drag.current.from.x, p.y - drag.current.from.y));
      }}
      onMouseUp={() => {
        drag.current = null;
        setGrabbing(false);
      }}
      onMouseLeave={() => {
        drag.current = null;
        setGrabbing(false);
      }}
      onTouchMove={(e) => {
        const touches = e.evt.touches;
        if (touches.length !== 2) return;
        e.evt.preventDefault();
        const distance = Math.hypot(touches[0].clientX - touches[1].clientX, touches[0].clientY - touches[1].clientY);
        if (!pinch.current) pinch.current = { distance, view };
        else
          onViewChange(
            zoomAt(
              pinch.current.view,
              distance / pinch.current.distance,
              stagePoint(viewport.width / 2, viewport.height / 2),
            ),
          );
      }}
      onTouchEnd={() => (pinch.current = null)}
    >
      <Layer listening={false}>
        {/* A closed ImageBitmap reports width 0; drawing it would throw. */}
        {image && (image as { width?: number }).width !== 0 && (
          <KonvaImage
            image={image}
            x={view.x}
            y={view.y}
            width={natural.width * view.scale}
            height={natural.height * view.scale}
          />
        )}
      </Layer>
      <Layer>
        {layers.extra &&
          extras.map((quad, i) => (
            <Line
              key={`extra-${i}`}
              name="extra-box"
              points={quadToStage(quad, view)}
              closed
              stroke={EXTRA_BOX_COLOUR}
              strokeWidth={1}
              dash={[3, 3]}
              listening={false}
            />
          ))}
        {layers.boxes &&
          boxed.map((field) => {
            const focused = field.id === focusId;
            const below = isBelow(field, label.threshold);
            const points = quadToStage(field.quad!, view);
            return [
              // A dark halo under every outline keeps it readable on light and dark images alike.
              <Line
                key={`${field.id}-halo`}
                points={points}
                closed
                stroke="rgba(0,0,0,0.55)"
                strokeWidth={focused ? 6 : 4}
                listening={false}
                opacity={focusId && !focused ? DIM : 1}
              />,
              <Line
                key={field.id}
                id={field.id}
                name="field-box"
                points={points}
                closed
                stroke={field.colour}
                strokeWidth={focused ? 3.5 : 2}
                dash={below ? [7, 5] : undefined}
                fill={`${field.colour}33`}
                opacity={focusId && !focused ? DIM : 1}
                onClick={() => onSelect(field.id)}
                onTap={() => onSelect(field.id)}
                onMouseEnter={() => onHover(field.id)}
                onMouseLeave={() => onHover(null)}
              />,
            ];
          })}
      </Layer>
      <Layer listening={false}>
        {layers.labels &&
          boxed.map((field) => {
            const corners = quadCorners(field.quad!);
            const top = corners.reduce((a, b) => (b.y < a.y ? b : a));
            const anchor = imageToStage(corners[0].y <= top.y + 1 ? corners[0] : top, view);
            const focused = field.id === focusId;
            return (
              <Label key={field.id} x={anchor.x} y={anchor.y - fontSize - 8} opacity={focusId && !focused ? DIM : 1}>
                <Tag fill="rgba(15,18,24,0.82)" stroke={field.colour} strokeWidth={1} cornerRadius={3} />
                <Text
                  text={labelText(field, { ...label, valuesInLabels: layers.values })}
                  fill="#ffffff"
                  fontSize={fontSize}
                  padding={3}
                  fontStyle={focused ? 'bold' : 'normal'}
                />
              </Label>
            );
          })}
        {boxed.map((field) => {
          const kind = badges.get(field.id);
          if (!kind) return null;
          const corners = quadCorners(field.quad!);
          const corner = imageToStage(
            corners.reduce((a, b) => (b.x - b.y > a.x - a.y ? b : a)),
            view,
          );
          return (
            <Label key={`badge-${field.id}`} name="rule-badge" x={corner.x - 8} y={corner.y - 8}>
              <Tag fill={kind === 'fail' ? '#d92d20' : '#1f6feb'} stroke="#ffffff" strokeWidth={1.5} cornerRadius={9} />
              <Text
                text={kind === 'fail' ? '!' : 'i'}
                fill="#ffffff"
                fontSize={presentation ? 15 : 12}
                fontStyle="bold"
                padding={3}
                width={18}
                align="center"
              />
            </Label>
          );
        })}
      </Layer>
    </Stage>
  );
}
