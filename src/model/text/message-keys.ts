import type { EN_FIRST } from './messages-en';
import type { EN_MORE } from './more-messages-en';

/** A key of the text the first screen shows. */
export type FirstKey = keyof typeof EN_FIRST;
/** A key of the text beyond the first screen. */
export type MoreKey = keyof typeof EN_MORE;
export type MessageKey = FirstKey | MoreKey;

export type FirstMessages = Readonly<Record<FirstKey, string>>;
export type MoreMessages = Readonly<Record<MoreKey, string>>;
/** A whole table of the UI's text in one language. */
export type Messages = FirstMessages & MoreMessages;
