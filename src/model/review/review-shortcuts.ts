import type { MoreKey } from '@/model/text/message-keys';

/** The shortcut help's rows: the keys as shown, and what they do. */
export const SHORTCUTS: readonly (readonly [keys: string, label: MoreKey])[] = [
  ['J / K', 'shortcutNextPrev'],
  ['N', 'shortcutNextFlagged'],
  ['Y', 'shortcutCorrect'],
  ['X', 'shortcutWrongValue'],
  ['B', 'shortcutWrongBox'],
  ['A', 'shortcutAcceptCard'],
  ['R', 'shortcutRejectCard'],
  ['] / [', 'shortcutCards'],
  ['C', 'shortcutCardTab'],
  ['?', 'shortcutHelp'],
];
