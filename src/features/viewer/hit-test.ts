import type { ImageQuad } from '@/api';
import type { ViewerField } from '@/features/fields/result-fields';
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

/** The field whose box holds the point; where boxes overlap, the smallest, so a nested box stays reachable. */
export function fieldAt(fields: readonly ViewerField[], p: ImagePoint): ViewerField | null {
  let best: ViewerField | null = null;
  for (const field of fields) {
    if (!field.quad || !quadContains(field.quad, p)) continue;
    if (!best || area(field.quad) < area(best.quad!)) best = field;
  }
  return best;
}

/** The id of the label drawn on top at a stage point: labels drawn later lie over earlier ones. */
export function labelAt(labels: readonly (Rect & { id: string })[], p: StagePoint): string | null {
  for (let i = labels.length - 1; i >= 0; i--) {
    const { x, y, width, height, id } = labels[i];
    if (p.x >= x && p.x < x + width && p.y >= y && p.y < y + height) return id;
  }
  return null;
}
