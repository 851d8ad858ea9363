import type { Localised } from '@/api';
import { fillIn } from './fill-in';
import type { MessageKey, Messages } from './message-keys';
import { EN_FIRST } from './messages-en';
import { KO_FIRST } from './messages-ko';
import { EN_MORE } from './more-messages-en';
import { KO_MORE } from './more-messages-ko';

export type { FirstKey, FirstMessages, MessageKey, Messages, MoreKey, MoreMessages } from './message-keys';

/** Every UI text, in each language. Screens use t() (i18n.tsx), which loads only the language shown. */
export const EN: Messages = { ...EN_FIRST, ...EN_MORE };
export const KO: Messages = { ...KO_FIRST, ...KO_MORE };

/**
 * A message in both languages, for text kept with a card or a session and shown later in whichever
 * language is chosen then.
 */
export const bilingual = (key: MessageKey, vars?: Record<string, string | number>): Localised => ({
  en: fillIn(EN[key], vars),
  ko: fillIn(KO[key], vars),
});
