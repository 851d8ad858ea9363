import type { OcrService } from '@/api';
import type { MessageKey } from './message-keys';

/** What a failed card is said to look like, and its button: never what the device read on it. */
export const LOOKS_LIKE: Record<OcrService, MessageKey> = {
  'credit-card': 'looksLikeCreditCard',
  'id-card': 'looksLikeIdCard',
};
export const SEND_AS: Record<OcrService, MessageKey> = {
  'credit-card': 'sendAsCreditCard',
  'id-card': 'sendAsIdCard',
};
/** The button's name in a list of cards, where it names its card. */
export const SEND_AS_FOR: Record<OcrService, MessageKey> = {
  'credit-card': 'sendAsCreditCardFor',
  'id-card': 'sendAsIdCardFor',
};
