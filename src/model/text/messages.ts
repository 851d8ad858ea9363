import type { Localised } from '@/api';
import { EN, type MessageKey } from './messages-en';
import { KO } from './messages-ko';

export type { MessageKey, Messages } from './messages-en';

/**
 * A message in both languages, for text kept with a card or a session and shown later in whichever
 * language is chosen then. Screens use t() (i18n.tsx), which has only the language on screen.
 */
export const bilingual = (key: MessageKey): Localised => ({ en: EN[key], ko: KO[key] });
