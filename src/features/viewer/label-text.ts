import { fieldName, isBelow, type ViewerField } from '@/features/fields';
import type { Lang } from '@/features/shared';

export interface LabelOptions {
  lang: Lang;
  showValues: boolean;
  valuesInLabels: boolean;
  threshold: number;
}

export function displayedValue(field: ViewerField, showValues: boolean): string {
  return showValues ? field.value : field.maskedValue;
}

export const percent = (conf: number) => `${Math.round(conf * 100)}%`;

/** "Card number 2 · 11•• · 97%", with ⚠ when under the threshold (never colour alone). */
export function labelText(field: ViewerField, o: LabelOptions): string {
  const parts = [fieldName(field.key, o.lang) + (field.group ? ` ${field.group}` : '')];
  if (o.valuesInLabels) parts.push(displayedValue(field, o.showValues));
  if (field.conf !== null) parts.push(percent(field.conf));
  return (isBelow(field, o.threshold) ? '⚠ ' : '') + parts.join(' · ');
}
