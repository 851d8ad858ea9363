import type { ImageQuad } from '@/api';
import type { AnyResult, ViewerField } from '@/features/fields/result-fields';
import { redactResult } from '@/features/fields/redact';
import { EXTRA_BOX_COLOUR } from '@/features/fields/palette';
import { labelText, type LabelOptions } from './label-text';
import type { Size } from './view-transform';

export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '') || 'card';

/** The result as JSON: redacted unless the user confirmed otherwise. Never includes a credential. */
export function resultJson(input: AnyResult & { fileName: string; analysis: string }, redacted: boolean): Blob {
  const body = {
    file: input.fileName,
    service: input.analysis,
    redacted,
    exportedAt: new Date().toISOString(),
    result: redacted ? redactResult(input) : input.result,
  };
  return new Blob([JSON.stringify(body, null, 2)], { type: 'application/json' });
}

function tracePath(ctx: CanvasRenderingContext2D, q: ImageQuad, k: number): void {
  ctx.beginPath();
  ctx.moveTo(q.x1 * k, q.y1 * k);
  ctx.lineTo(q.x2 * k, q.y2 * k);
  ctx.lineTo(q.x3 * k, q.y3 * k);
  ctx.lineTo(q.x4 * k, q.y4 * k);
  ctx.closePath();
}

/** The image (already pixelated in presentation mode) with boxes and labels, at the displayed resolution. */
export function annotatedPng(
  source: CanvasImageSource & { width: number; height: number },
  natural: Size,
  fields: ViewerField[],
  extras: ImageQuad[],
  label: LabelOptions & { labels: boolean; boxes: boolean; extra: boolean },
): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(source, 0, 0);
  const k = source.width / natural.width;
  const fontSize = Math.max(12, Math.round(14 * Math.max(1, source.width / 1200)));
  if (label.extra) {
    ctx.setLineDash([4, 4]);
    ctx.strokeStyle = EXTRA_BOX_COLOUR;
    for (const q of extras) {
      tracePath(ctx, q, k);
      ctx.stroke();
    }
    ctx.setLineDash([]);
  }
  for (const field of fields) {
    if (!field.quad) continue;
    if (label.boxes) {
      tracePath(ctx, field.quad, k);
      ctx.fillStyle = `${field.colour}33`;
      ctx.fill();
      ctx.lineWidth = 4;
      ctx.strokeStyle = 'rgba(0,0,0,0.55)';
      ctx.stroke();
      ctx.lineWidth = 2;
      ctx.strokeStyle = field.colour;
      ctx.stroke();
    }
    if (label.labels) {
      const text = labelText(field, label);
      ctx.font = `${fontSize}px system-ui, sans-serif`;
      const width = ctx.measureText(text).width + 8;
      const x = field.quad.x1 * k;
      const y = field.quad.y1 * k - fontSize - 8;
      ctx.fillStyle = 'rgba(15,18,24,0.82)';
      ctx.fillRect(x, y, width, fontSize + 6);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(text, x + 4, y + fontSize);
    }
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
