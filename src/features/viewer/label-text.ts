import { fieldName } from '@/model/fields/field-names';
import { isBelow, shownReading, shownValue, type ValueView, type ViewerField } from '@/model/fields/result-fields';
import type { Lang } from '@/ui/i18n';

export interface LabelOptions {
  lang: Lang;
  values: ValueView;
  valuesInLabels: boolean;
  threshold: number;
}

export const percent = (conf: number) => `${Math.round(conf * 100)}%`;

/**
 * "Card number 2 · 11•• · 97%", with ⚠ when under the threshold (never colour alone), and "≠ …" after
 * the value with what the device's second read saw there (`deviceRead`), masked as the value is.
 */
export function labelText(field: ViewerField, o: LabelOptions, deviceRead?: string): string {
  const parts = [fieldName(field.key, o.lang) + (field.group ? ` ${field.group}` : '')];
  if (o.valuesInLabels)
    parts.push(
      shownValue(field, o.values) + (deviceRead === undefined ? '' : ` ≠ ${shownReading(field, deviceRead, o.values)}`),
    );
  if (field.conf !== null) parts.push(percent(field.conf));
  return (isBelow(field, o.threshold) ? '⚠ ' : '') + parts.join(' · ');
}

/** Labels are full size on a canvas this wide and shrink with a narrower one (a phone's is about 350 px). */
const FULL_SIZE_WIDTH = 640;
const SMALLEST_FONT = 10;

/**
 * The labels' and badges' type size on a canvas `width` stage pixels wide: larger in presentation, and
 * smaller on a narrow canvas, where full-size labels would cover the card they name and run off it.
 */
export function labelFontSizes(presentation: boolean, width: number): { fontSize: number; badgeFontSize: number } {
  const shrink = Math.min(1, width / FULL_SIZE_WIDTH);
  const size = (full: number) => Math.max(SMALLEST_FONT, Math.round(full * shrink));
  return { fontSize: size(presentation ? 18 : 12), badgeFontSize: size(presentation ? 15 : 12) };
}
