export { FIELD_NAMES, ID_TYPE_NAMES, GUIDE_KEY_ORDER, fieldName } from './field-names';
export { SENSITIVE_KEYS, mask, maskCardNumber, type Sensitivity } from './masking';
export { FIELD_COLOURS, EXTRA_BOX_COLOUR, FALLBACK_COLOUR, colourOf } from './palette';
export { redactResult } from './redact';
export {
  fieldsOf,
  extraBoxesOf,
  isBelow,
  hasBox,
  showsInClear,
  shownValue,
  valueView,
  type ValueView,
  type ViewerField,
  type BoxedField,
  type CardResult,
} from './result-fields';
