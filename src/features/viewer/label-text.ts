import { fieldName } from '@/model/fields/field-names';
import { isBelow, shownValue, type ValueView, type ViewerField } from '@/model/fields/result-fields';
import type { Lang } from '@/ui/i18n';

export interface LabelOptions {
  lang: Lang;
  values: ValueView;
  valuesInLabels: boolean;
  threshold: number;
}

export const percent = (conf: number) => `${Math.round(conf * 100)}%`;

/** "Card number 2 · 11•• · 97%", with ⚠ when under the threshold (never colour alone). */
export function labelText(field: ViewerField, o: LabelOptions): string {
  const parts = [fieldName(field.key, o.lang) + (field.group ? ` ${field.group}` : '')];
  if (o.valuesInLabels) parts.push(shownValue(field, o.values));
  if (field.conf !== null) parts.push(percent(field.conf));
  return (isBelow(field, o.threshold) ? '⚠ ' : '') + parts.join(' · ');
}
