import type { CreditCardResult, IdCardResult } from '@/api';
import { fieldsOf, type CardResult } from './result-fields';
import { mask, SENSITIVE_KEYS } from './masking';

/** A deep copy of the result with every sensitive value masked as on screen: the default export. */
export function redactResult(input: CardResult): CreditCardResult | IdCardResult {
  if (input.kind === 'credit-card') {
    const masked = fieldsOf(input);
    const copy = structuredClone(input.result);
    copy.cardNums = copy.cardNums.map((c, i) => ({ ...c, value: masked[i].maskedValue }));
    copy.totalCardNum = mask(copy.totalCardNum, 'card-number');
    return copy;
  }
  const copy = structuredClone(input.result);
  copy.keyValues = copy.keyValues.map((kv) => {
    const sensitivity = SENSITIVE_KEYS[kv.key];
    return sensitivity ? { ...kv, value: mask(kv.value, sensitivity) } : kv;
  });
  return copy;
}
