import { useSyncExternalStore } from 'react';
import { createListeners } from '@/lib/listeners';
import { SHORTCUTS } from '@/model/review/review-keys';
import { useI18n } from './i18n';

// Whether the shortcut help is open: one for the page, so that ? opens it on every tab and the
// review bar's button opens the same one.
let open = false;
const listeners = createListeners();

export function setShortcutHelp(next: boolean): void {
  if (next === open) return;
  open = next;
  listeners.notify();
}
export const toggleShortcutHelp = (): void => setShortcutHelp(!open);

/** The help, while it is open: every key the page answers, on whichever tab it is asked for. */
export function ShortcutHelp() {
  const { t } = useI18n();
  const shown = useSyncExternalStore(listeners.subscribe, () => open);
  if (!shown) return null;
  const close = () => setShortcutHelp(false);
  return (
    <div className="dialog-backdrop" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        className="dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          close();
        }}
      >
        <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, label]) => (
              <tr key={keys}>
                <th scope="row">
                  <kbd>{keys}</kbd>
                </th>
                <td>{t(label)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={close}>
          {t('dismiss')}
        </button>
      </div>
    </div>
  );
}
