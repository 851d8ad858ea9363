import type { ImageQuad } from '@/api';
import { quadBounds } from '@/lib/quad';
import { EXTRA_BOX_COLOUR } from '@/model/fields/palette';
import { hasBox, isBelow, type ViewerField } from '@/model/fields/result-fields';
import { placeLabels, type Rect } from './label-placement';
import { labelText, type LabelOptions } from './label-text';
import {
  imagePoint,
  imageToStage,
  quadCorners,
  type ImagePoint,
  type Size,
  type ViewTransform,
} from './view-transform';

// Boxes, labels and badges drawn straight onto a 2D context: one Konva shape on screen, and the
// PNG export, draw through this one routine. Fifty boxes as fifty Konva nodes cost ten times a bare
// drawImage on first draw; as plain canvas calls they cost about a tenth of one.

export interface OverlayScene {
  fields: readonly ViewerField[];
  extras: readonly ImageQuad[];
  show: { boxes: boolean; labels: boolean; extra: boolean };
  label: LabelOptions;
  /** The hovered or selected field; the others are dimmed while there is one. */
  focusId: string | null;
  /** Rule badges by field id, drawn at the box's top-right corner. */
  badges: ReadonlyMap<string, 'fail' | 'info'>;
  /** Characters a rule names, by field id: underlined along the box's lower edge. */
  charMarks?: ReadonlyMap<string, readonly number[]>;
  /** What the device's second read saw, by field id, where it differs: shown after the value in the label. */
  deviceReads?: ReadonlyMap<string, string>;
  fontSize: number;
  badgeFontSize: number;
}

const DIM = 0.35;
const HALO = 'rgba(0,0,0,0.55)';
const TAG = 'rgba(15,18,24,0.82)';
const PADDING = 3;
/** The field's colour as a bar down the label's left edge. */
const COLOUR_BAR = 3;
const FONT_FAMILY = 'system-ui, sans-serif';
/** How far a box's label can reach beyond the box: up and to the right. */
const LABEL_REACH = 400;

const widths = new Map<string, number>();
function textWidth(ctx: CanvasRenderingContext2D, font: string, text: string): number {
  const key = `${font}|${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    if (widths.size > 2000) widths.clear();
    width = ctx.measureText(text).width;
    widths.set(key, width);
  }
  return width;
}

function addQuad(path: Path2D, q: ImageQuad, view: ViewTransform): void {
  quadCorners(q).forEach((corner, i) => {
    const p = imageToStage(corner, view);
    if (i === 0) path.moveTo(p.x, p.y);
    else path.lineTo(p.x, p.y);
  });
  path.closePath();
}

/** Boxes that look alike share one path: the raster cost is mostly per call, not per box. */
function groupByStyle<F extends ViewerField>(fields: readonly F[], styleOf: (f: F) => string): F[][] {
  const groups = new Map<string, F[]>();
  for (const field of fields) {
    const key = styleOf(field);
    const group = groups.get(key);
    if (group) group.push(field);
    else groups.set(key, [field]);
  }
  return [...groups.values()];
}

/** Where a label sits: over the first corner, unless another corner is clearly higher. */
function labelAnchor(q: ImageQuad): ImagePoint {
  const corners = quadCorners(q);
  const top = corners.reduce((a, b) => (b.y < a.y ? b : a));
  return corners[0].y <= top.y + 1 ? corners[0] : top;
}

function badgeAnchor(q: ImageQuad): ImagePoint {
  return quadCorners(q).reduce((a, b) => (b.x - b.y > a.x - a.y ? b : a));
}

/** Underlines characters of a box's text: the value is spread evenly along the box, as the service's boxes hold it. */
function markCharacters(
  ctx: CanvasRenderingContext2D,
  fields: readonly (ViewerField & { quad: ImageQuad })[],
  marks: ReadonlyMap<string, readonly number[]>,
  view: ViewTransform,
): void {
  ctx.lineCap = 'butt';
  for (const field of fields) {
    const chars = marks.get(field.id);
    const n = [...field.value].length;
    if (!chars || n === 0) continue;
    const [, , br, bl] = quadCorners(field.quad);
    const along = (t: number) => imageToStage(imagePoint(bl.x + (br.x - bl.x) * t, bl.y + (br.y - bl.y) * t), view);
    // Just below the lower edge, at right angles to it, so the marks follow a turned card.
    const [start, end] = [along(0), along(1)];
    const length = Math.hypot(end.x - start.x, end.y - start.y) || 1;
    const [dx, dy] = [(-(end.y - start.y) / length) * 4, ((end.x - start.x) / length) * 4];
    for (const k of chars) {
      const [from, to] = [along(k / n), along((k + 1) / n)];
      for (const [colour, width] of [
        ['#ffffff', 7],
        ['#d92d20', 4],
      ] as const) {
        ctx.strokeStyle = colour;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo(from.x + dx, from.y + dy);
        ctx.lineTo(to.x + dx, to.y + dy);
        ctx.stroke();
      }
    }
  }
}

function tag(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, radius: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, radius);
  ctx.fill();
  ctx.stroke();
}

/** The quad's bounding rectangle on the stage. */
function stageBounds(q: ImageQuad, view: ViewTransform): Rect {
  const b = quadBounds(q);
  const [left, top] = [b.left * view.scale + view.x, b.top * view.scale + view.y];
  return { x: left, y: top, width: b.right * view.scale + view.x - left, height: b.bottom * view.scale + view.y - top };
}

/** Whether a quad, with `margin` stage pixels around it, reaches into the visible area. */
function onScreen(q: ImageQuad, view: ViewTransform, area: Size, margin: number): boolean {
  const b = stageBounds(q, view);
  return (
    b.x + b.width >= -margin && b.x <= area.width + margin && b.y + b.height >= -margin && b.y <= area.height + margin
  );
}

export interface Drawn {
  boxes: number;
  extras: number;
  /** Which labels were drawn and where, in the order drawn. */
  labels: (Rect & { id: string })[];
  /** Boxes on screen whose labels were left out for want of room (see label-placement.ts). */
  labelsHidden: number;
}

/**
 * Draws the scene in stage space for `view` on an `area` of that size; returns what it drew, for
 * the e2e probe, for pointing at labels and for the hint about labels that gave way. Boxes off
 * screen are counted as drawn but cost nothing: when zoomed in, most of them are, and stroking them
 * would still cost the stroker its geometry.
 */
export function drawOverlay(
  ctx: CanvasRenderingContext2D,
  scene: OverlayScene,
  view: ViewTransform,
  area: Size,
): Drawn {
  const { fields, extras, show, label, focusId, badges, fontSize, badgeFontSize } = scene;
  const boxed = fields.filter(hasBox);
  const visible = boxed.filter((f) => onScreen(f.quad, view, area, LABEL_REACH));
  const alphaOf = (field: ViewerField) => (focusId && field.id !== focusId ? DIM : 1);
  ctx.save();
  ctx.lineJoin = 'round';

  if (show.extra && extras.length > 0) {
    const path = new Path2D();
    for (const quad of extras) if (onScreen(quad, view, area, 2)) addQuad(path, quad, view);
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1;
    ctx.strokeStyle = EXTRA_BOX_COLOUR;
    ctx.stroke(path);
  }

  if (show.boxes) {
    const below = (f: ViewerField) => isBelow(f, label.threshold);
    const groups = groupByStyle(visible, (f) => `${f.id === focusId}|${alphaOf(f)}|${f.colour}|${below(f)}`);
    const paths = groups.map((group) => {
      const path = new Path2D();
      for (const field of group) addQuad(path, field.quad, view);
      return path;
    });
    // A dark halo under every outline keeps it readable on light and dark images alike; all the
    // halos go down first so none covers another box's outline.
    ctx.setLineDash([]);
    ctx.strokeStyle = HALO;
    groups.forEach(([first], i) => {
      ctx.globalAlpha = alphaOf(first);
      ctx.lineWidth = first.id === focusId ? 6 : 4;
      ctx.stroke(paths[i]);
    });
    groups.forEach(([first], i) => {
      ctx.globalAlpha = alphaOf(first);
      ctx.fillStyle = `${first.colour}33`;
      ctx.fill(paths[i]);
      ctx.setLineDash(below(first) ? [7, 5] : []);
      ctx.lineWidth = first.id === focusId ? 3.5 : 2;
      ctx.strokeStyle = first.colour;
      ctx.stroke(paths[i]);
    });
  }

  ctx.setLineDash([]);
  ctx.textBaseline = 'top';
  const drawnLabels: Drawn['labels'] = [];
  let labelsHidden = 0;
  if (show.labels) {
    const labels = visible.map((field) => ({
      field,
      text: labelText(field, label, scene.deviceReads?.get(field.id)),
      font: `${field.id === focusId ? 'bold ' : ''}${fontSize}px ${FONT_FAMILY}`,
    }));
    let currentFont = '';
    const setFont = (font: string) => {
      if (font !== currentFont) ctx.font = currentFont = font;
    };
    const spots = placeLabels(
      labels.map(({ field, text, font }) => {
        setFont(font);
        return {
          box: stageBounds(field.quad, view),
          anchor: imageToStage(labelAnchor(field.quad), view),
          width: textWidth(ctx, font, text) + PADDING * 2 + COLOUR_BAR,
          height: fontSize + PADDING * 2,
        };
      }),
      area,
    );
    // Placed in a fixed order, so labels stay put as the pointer moves; the focused one is drawn
    // last, over the rest, and even when it was crowded out.
    const order = labels.map((_, i) => i).filter((i) => labels[i].field.id !== focusId);
    const focused = labels.findIndex((l) => l.field.id === focusId);
    for (const i of focused >= 0 ? [...order, focused] : order) {
      const { field, text, font } = labels[i];
      const { x, y, width, height, crowded } = spots[i];
      if (crowded && i !== focused) {
        // Only a box on screen can be missing its label; the others are drawn for their reach.
        if (onScreen(field.quad, view, area, 0)) labelsHidden++;
        continue;
      }
      drawnLabels.push({ id: field.id, x, y, width, height });
      setFont(font);
      ctx.globalAlpha = alphaOf(field);
      // Axis-aligned rectangles only: a rounded, outlined tag costs as much to rasterise as the text.
      ctx.fillStyle = TAG;
      ctx.fillRect(x, y, width, height);
      ctx.fillStyle = field.colour;
      ctx.fillRect(x, y, COLOUR_BAR, height);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(text, x + COLOUR_BAR + PADDING, y + PADDING);
    }
  }

  ctx.globalAlpha = 1;
  if (scene.charMarks?.size) markCharacters(ctx, visible, scene.charMarks, view);
  ctx.textAlign = 'center';
  ctx.font = `bold ${badgeFontSize}px ${FONT_FAMILY}`;
  for (const field of visible) {
    const kind = badges.get(field.id);
    if (!kind) continue;
    const corner = imageToStage(badgeAnchor(field.quad), view);
    ctx.fillStyle = kind === 'fail' ? '#d92d20' : '#1f6feb';
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5;
    tag(ctx, corner.x - 8, corner.y - 8, 18, badgeFontSize + PADDING * 2, 9);
    ctx.fillStyle = '#ffffff';
    ctx.fillText(kind === 'fail' ? '!' : 'i', corner.x + 1, corner.y - 8 + PADDING);
  }

  ctx.restore();
  return {
    boxes: show.boxes ? boxed.length : 0,
    extras: show.extra ? extras.length : 0,
    labels: drawnLabels,
    labelsHidden,
  };
}
