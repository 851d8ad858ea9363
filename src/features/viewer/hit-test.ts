import type { ImageQuad } from '@/api';
import { hasBox, type ViewerField } from '@/model/fields/result-fields';
import type { Rect } from './label-placement';
import { quadCorners, type ImagePoint, type StagePoint } from './view-transform';

/** Even-odd ray casting; works for the concave and self-crossing quads odd results can hold. */
export function quadContains(q: ImageQuad, p: ImagePoint): boolean {
  const corners = quadCorners(q);
  let inside = false;
  for (let i = 0, j = corners.length - 1; i < corners.length; j = i++) {
    const a = corners[i];
    const b = corners[j];
    if (a.y > p.y !== b.y > p.y && p.x < ((b.x - a.x) * (p.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

const area = (q: ImageQuad) =>
  Math.abs(
    (q.x1 * q.y2 - q.x2 * q.y1 + q.x2 * q.y3 - q.x3 * q.y2 + q.x3 * q.y4 - q.x4 * q.y3 + q.x4 * q.y1 - q.x1 * q.y4) / 2,
  );

/**
 * Every field whose box holds the point, smallest box first (so a nested box stays reachable),
 * in the fields' order where boxes are the same size, as when a passport gives a date twice.
 */
export function fieldsAt(fields: readonly ViewerField[], p: ImagePoint): ViewerField[] {
  return fields
    .filter(hasBox)
    .filter((f) => quadContains(f.quad, p))
    .sort((a, b) => area(a.quad) - area(b.quad));
}

/**
 * The field a click selects: the first under the point, or, when the selected field is one of
 * those under it, the next after it, so fields that share a box are each reachable by clicking again.
 */
export function fieldToSelect(under: readonly ViewerField[], selectedId: string | null): ViewerField | null {
  const current = under.findIndex((f) => f.id === selectedId);
  return under[(current + 1) % under.length] ?? null;
}

/** The id of the label drawn on top at a stage point: labels drawn later lie over earlier ones. */
export function labelAt(labels: readonly (Rect & { id: string })[], p: StagePoint): string | null {
  for (let i = labels.length - 1; i >= 0; i--) {
    const { x, y, width, height, id } = labels[i];
    if (p.x >= x && p.x < x + width && p.y >= y && p.y < y + height) return id;
  }
  return null;
}
