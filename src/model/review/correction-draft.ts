import { MASK } from '@/model/fields/masking';
import { shownValue, type ValueView, type ViewerField } from '@/model/fields/result-fields';

/**
 * What the correction box starts from: the value as the screen shows it, never more. With values shown
 * it is the value itself (or the correction made before), ready to edit. Masked, it is the masked text:
 * the real value would be on screen in clear, and so would an earlier correction; the reviewer types
 * over it (it starts selected), and a correction still holding a mask character is not saved.
 */
export function correctionDraft(field: ViewerField, view: ValueView, earlier: string | undefined): string {
  if (view === 'clear') return earlier ?? field.value;
  return shownValue(field, view);
}

/** Whether a correction still holds characters that only stand for hidden ones: it cannot be the value. */
export const stillMasked = (correction: string): boolean => correction.includes(MASK);
