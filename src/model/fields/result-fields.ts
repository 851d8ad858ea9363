import type { CreditCardResult, IdCardResult, ImageQuad } from '@/api';
import { withoutHidden, type HiddenCharacter } from '@/lib/hidden-characters';
import { GUIDE_KEY_ORDER } from './field-names';
import { DIGIT, MASK, maskAll, maskCardGroups, mask, OPEN_KEYS, SENSITIVE_KEYS, type Sensitivity } from './masking';
import { colourOf } from './palette';

/** One recognised field as the viewer and the field list know it. */
export interface ViewerField {
  id: string;
  /** Key into the field-name table and the palette. */
  key: string;
  /** 1-based group number for card numbers, shown in the label. */
  group?: number;
  /** The value as shown and exported: without the hidden characters the service's text held. */
  value: string;
  /** Characters taken out of the value because they draw nothing or reorder text (a rule says so). */
  hidden?: HiddenCharacter[];
  maskedValue: string;
  conf: number | null;
  quad: ImageQuad | null;
  sensitivity: Sensitivity | null;
  colour: string;
}

/** A result with the service that made it; an AnalysisOutcome is one. The stand-alone result is an ID result. */
export type CardResult =
  { kind: 'credit-card'; result: CreditCardResult } | { kind: 'id-card' | 'id-card-stand-alone'; result: IdCardResult };

/** A field the result placed on the image. */
export type BoxedField = ViewerField & { quad: ImageQuad };
export const hasBox = (field: ViewerField): field is BoxedField => field.quad !== null;

// Every value enters the view here, so screen, labels and exports all show it without hidden
// characters, and masking counts only characters a person can see.
function field(
  id: string,
  key: string,
  raw: string,
  conf: number | null,
  quad: ImageQuad | null | undefined,
  masked?: (value: string) => string,
): ViewerField {
  const { text: value, hidden } = withoutHidden(raw);
  const sensitivity = SENSITIVE_KEYS[key] ?? null;
  return {
    id,
    key,
    value,
    ...(hidden.length ? { hidden } : {}),
    maskedValue: masked ? masked(value) : sensitivity ? mask(value, sensitivity) : value,
    conf,
    quad: quad ?? null,
    sensitivity,
    colour: colourOf(key),
  };
}

export function fieldsOf(input: CardResult): ViewerField[] {
  if (input.kind === 'credit-card') {
    const r = input.result;
    // The groups are masked as one number, counted by what a person can see of them.
    const masked = maskCardGroups(r.cardNums.map((c) => withoutHidden(c.value).text));
    const groups = r.cardNums.map((c, i) => ({
      ...field(`cardNums.${i}`, 'cardNum', c.value, c.conf, r.cardNumBoxes[i], () => masked[i]),
      group: i + 1,
    }));
    return [
      ...groups,
      field('totalCardNum', 'totalCardNum', r.totalCardNum, null, null),
      ...(r.validThru ? [field('validThru', 'validThru', r.validThru.value, r.validThru.conf, r.validThruBox)] : []),
    ];
  }
  const r = input.result;
  const order = GUIDE_KEY_ORDER[r.idType] ?? [];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return r.keyValues
    .map((kv, i) => ({ kv, i }))
    .sort((a, b) => rank(a.kv.key) - rank(b.kv.key) || a.i - b.i)
    .map(({ kv, i }) => field(`keyValues.${i}`, kv.key, kv.value, kv.conf, kv.bbox));
}

export function extraBoxesOf(input: CardResult): ImageQuad[] {
  return input.result.boxes ?? [];
}

/**
 * Whether the field's place on the card may show as it is, uncovered: an open value (a date of
 * issue or expiry), or a card-number group whose every character the mask shows. Masking decides
 * it, so a picture never shows more than the text beside it.
 */
export const showsInClear = (f: ViewerField): boolean =>
  OPEN_KEYS.has(f.key) || (f.sensitivity === 'card-number' && DIGIT.test(f.value) && !f.maskedValue.includes(MASK));

/**
 * How values are shown: in clear (Show values), masked (the default), or to an audience (presentation
 * mode, a redacted picture). An audience sees what may show in clear and the card number as masked;
 * every other value, a name or an address too, is hidden whole, as its place on the card is.
 */
export type ValueView = 'clear' | 'masked' | 'audience';

export const valueView = (presentation: boolean, showValues: boolean): ValueView =>
  presentation ? 'audience' : showValues ? 'clear' : 'masked';

export function shownValue(f: ViewerField, view: ValueView): string {
  if (view === 'clear') return f.value;
  if (view === 'masked' || OPEN_KEYS.has(f.key) || f.sensitivity === 'card-number') return f.maskedValue;
  return maskAll(f.value);
}

/**
 * Another reading of the field (the device's second read) as the field's own value would show: hidden whole
 * from an audience where the value is, and otherwise showing a character only at a place the value's mask
 * shows. A reading of another length may sit shifted against the value, so that a place the mask shows holds
 * a character it hides: such a reading is masked whole.
 */
export function shownReading(f: ViewerField, text: string, view: ValueView): string {
  if (view === 'clear') return text;
  if (view === 'audience' && !OPEN_KEYS.has(f.key) && f.sensitivity !== 'card-number') return maskAll(text);
  if (!f.sensitivity) return text;
  const chars = Array.from(text);
  if (chars.length !== Array.from(f.value).length) return maskAll(text);
  const own = Array.from(f.maskedValue);
  return chars.map((c, i) => (own[i] === MASK ? MASK : c)).join('');
}

export const isBelow = (f: ViewerField, threshold: number) => f.conf !== null && f.conf < threshold;
