import type Konva from 'konva';
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { QueueItem } from '@/engine/queue/queue-item';
import type { CardView } from '@/model/card-view/card-view';
import { quadCentre } from '@/lib/quad';
import { isBelow, shownReading, shownValue, valueView } from '@/model/fields/result-fields';
import type { CardReview } from '@/model/review/review-model';
import { publishViewerState, watchCanvas, type CanvasFrame } from './viewer-probe';
import type { Size, ViewTransform } from './view-transform';

interface ProbeInput {
  item: QueueItem;
  card: CardView | null;
  review: CardReview | undefined;
  selectedId: string | null;
  hoveredId: string | null;
  presentation: boolean;
  showValues: boolean;
  threshold: number;
  view: ViewTransform;
  viewport: Size;
}

/** Publishes what the viewer shows for e2e specs (test builds only; a no-op otherwise). */
export function useViewerProbe(input: ProbeInput): void {
  const { item, card, review, selectedId, hoveredId, presentation, showValues, threshold, view, viewport } = input;
  useEffect(() => {
    const fields = card?.fields ?? [];
    publishViewerState({
      selectedId,
      highlightedId: hoveredId ?? selectedId,
      presentation,
      fileName: item.file.name,
      timings: item.outcome?.timings ?? null,
      startedAt: item.startedAt ?? null,
      verdicts: Object.fromEntries(Object.entries(review?.fields ?? {}).map(([id, f]) => [id, f.verdict])),
      badges: [...(card?.badges ?? [])].map(([fieldId, kind]) => ({ fieldId, kind })),
      rules: (card?.rules ?? []).map((r) => ({ rule: r.rule, fieldId: r.fieldId, key: r.key, outcome: r.outcome })),
      charMarks: [...(card?.charMarks ?? [])].map(([fieldId, chars]) => ({ fieldId, chars })),
      fields: fields.map((f) => ({
        id: f.id,
        key: f.key,
        value: f.value,
        shown: shownValue(f, valueView(presentation, showValues)),
        deviceRead: card?.deviceReads.has(f.id)
          ? shownReading(f, card.deviceReads.get(f.id)!, valueView(presentation, showValues))
          : null,
        quad: f.quad !== null,
        centre: f.quad && quadCentre(f.quad),
        below: isBelow(f, threshold),
      })),
      view,
      viewport,
    });
    return () => publishViewerState(null);
  }, [card, item, review, selectedId, hoveredId, presentation, showValues, threshold, view, viewport]);
}

/**
 * Lets the probe watch the canvas's layer from outside its scene (test builds only; a no-op otherwise):
 * `frame` says what the canvas shows as of the latest render, and is read only after the layer draws.
 */
export function useCanvasProbe(layer: RefObject<Konva.Layer | null>, frame: () => CanvasFrame): void {
  const latest = useRef(frame);
  const watching = useRef<{ layer: Konva.Layer; stop: () => void } | null>(null);
  useLayoutEffect(() => {
    latest.current = frame;
    // The layer may come and go with the picture (the stage is drawn only once there is one), so it
    // is checked after every render rather than once.
    const current = layer.current;
    if (watching.current?.layer === current) return;
    watching.current?.stop();
    watching.current = current ? { layer: current, stop: watchCanvas(current, () => latest.current()) } : null;
  });
  useEffect(
    () => () => {
      watching.current?.stop();
      watching.current = null;
    },
    [],
  );
}
