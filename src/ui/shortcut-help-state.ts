import { useSyncExternalStore } from 'react';
import { createListeners } from '@/lib/listeners';

// Whether the shortcut help is open: one for the page, so that ? opens it on every tab and the review
// bar's button opens the same one. The dialog itself comes with the later screens' code.
let open = false;
const listeners = createListeners();

export function setShortcutHelp(next: boolean): void {
  if (next === open) return;
  open = next;
  listeners.notify();
}
export const shortcutHelpOpen = (): boolean => open;
export const toggleShortcutHelp = (): void => setShortcutHelp(!open);
export const useShortcutHelpOpen = (): boolean => useSyncExternalStore(listeners.subscribe, () => open);
