import type { ImageQuad } from '@/api';
import type { CardResult, ViewerField } from '@/model/fields/result-fields';
import { redactResult } from '@/model/fields/redact';
import { visibleJson } from '@/lib/hidden-characters';
import type { LabelOptions } from './label-text';
import { drawOverlay } from './overlay-drawing';
import type { Size } from './view-transform';

export const baseName = (fileName: string) => fileName.replace(/\.[^.]+$/, '') || 'card';

/** A card's names: the file's, which only a full export carries, and the one a redacted export uses (exportName). */
export interface ExportNames {
  file: string;
  name: string;
}

/** What a downloaded export of the card is called, before its suffix. */
export const exportBase = (names: ExportNames, redacted: boolean) => (redacted ? names.name : baseName(names.file));

/** The result as JSON: redacted unless the user confirmed otherwise. Never includes a credential. */
export function resultJson(input: CardResult & ExportNames & { analysis: string }, redacted: boolean): Blob {
  const body = {
    file: redacted ? input.name : input.file,
    service: input.analysis,
    redacted,
    exportedAt: new Date().toISOString(),
    result: redacted ? redactResult(input) : input.result,
  };
  return new Blob([visibleJson(body)], { type: 'application/json' });
}

/** The image (already covered, when redacted or in presentation mode) with boxes and labels, at the displayed resolution. */
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
  const fontSize = Math.max(12, Math.round(14 * Math.max(1, source.width / 1200)));
  drawOverlay(
    ctx,
    {
      fields,
      extras,
      show: { boxes: label.boxes, labels: label.labels, extra: label.extra },
      label,
      focusId: null,
      badges: new Map(),
      fontSize,
      badgeFontSize: fontSize,
    },
    { scale: source.width / natural.width, x: 0, y: 0 },
    canvas,
  );
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
