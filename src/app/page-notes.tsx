import { useEffect, useMemo, useState } from 'react';
import type { View } from '@/engine/cardlens';
import { ConnectionChangePrompt } from '@/features/analyze';
export { StoredReviewMark } from '@/features/analyze';
import { isTypingTarget, modalOpen } from '@/lib/keyboard';
import { pageKeyAction } from '@/model/review/review-keys';
import { batchReview } from '@/model/review/review-progress';
import { SHORTCUTS } from '@/model/review/review-shortcuts';
import { useCardlensState } from '@/ui/cardlens';
import { useI18n } from '@/ui/i18n';
import { ModalDialog } from '@/ui/modal-dialog';
import { setShortcutHelp, shortcutHelpOpen, toggleShortcutHelp, useShortcutHelpOpen } from '@/ui/shortcut-help-state';
import { engine } from './engine';
import { ReaderDownloadBar } from './reader-download';
import { UpdatePrompt } from './update-prompt';

// The page's keys, and what it says about them and the review above every tab: fetched just after the
// first screen (page-keys.tsx).

/**
 * The left column's notices of what happens once the page has been open a while: the reader's first
 * download, a new version, the connection changed under a batch (cards bring this code at once).
 */
export function LeftNotices({ connectionKey, readerActive }: { connectionKey: string; readerActive: boolean }) {
  const items = useCardlensState((s) => s.items);
  const waiting = useCardlensState((s) => s.waitingElsewhere);
  // Their text is beyond the first screen's.
  if (!useI18n().complete) return null;
  return (
    <>
      <ReaderDownloadBar active={readerActive} />
      <UpdatePrompt items={items} />
      <ConnectionChangePrompt waiting={waiting} connectionKey={connectionKey} onApply={engine.applyConnectionToRest} />
    </>
  );
}

/**
 * The page's keys on every tab, the note for a review key pressed away from the Card tab, the moment
 * the batch is reviewed, and the help.
 */
export function PageNotes({ view }: { view: View }) {
  const keyNote = usePageKeys(view);
  const help = useShortcutHelpOpen();
  // The keys work at once; what is said waits for its text, which is beyond the first screen's.
  if (!useI18n().complete) return null;
  return (
    <>
      {keyNote && <KeyNote />}
      <ReviewComplete view={view} />
      {help && <ShortcutHelp />}
    </>
  );
}

/**
 * The page's keys, on every tab: ? the help, C the Card tab, ] and [ the cards. A review key pressed
 * away from the Card tab is not lost in silence: it returns true until the tab changes, for a note
 * saying where it works.
 */
function usePageKeys(view: View): boolean {
  const [noteOn, setNoteOn] = useState<View | null>(null);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      // With a modifier it is the browser's or the system's (Cmd+[ goes back a page on a Mac).
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === 'Escape') return setShortcutHelp(false);
      if (isTypingTarget(event.target)) return;
      const action = pageKeyAction(event.key, engine.getState().view);
      if (!action) return;
      // Behind a dialog the page holds still; only the help's own key closes the help.
      if (modalOpen() && !(action.type === 'help' && shortcutHelpOpen())) return;
      event.preventDefault();
      if (action.type === 'help') toggleShortcutHelp();
      else if (action.type === 'card-tab') engine.setView('card');
      else if (action.type === 'step') engine.step(action.delta);
      else setNoteOn(engine.getState().view);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return noteOn === view && view !== 'card';
}

/** Said when a review key is pressed away from the Card tab. */
function KeyNote() {
  const { t } = useI18n();
  return (
    <p role="status" className="notice key-note">
      {t('reviewKeysOnCardTab')}{' '}
      <button type="button" className="link" onClick={() => engine.setView('card')} aria-keyshortcuts="C">
        {t('card')} <kbd>C</kbd>
      </button>
    </p>
  );
}

/** The moment every card with a result is accepted or rejected: said on every tab, with what comes next. */
function ReviewComplete({ view }: { view: View }) {
  const { t } = useI18n();
  const items = useCardlensState((s) => s.items);
  const reviews = useCardlensState((s) => s.reviews);
  const tally = useMemo(
    () =>
      batchReview(
        items.flatMap((i) => (i.outcome && i.image ? [i.image] : [])),
        reviews,
      ),
    [items, reviews],
  );
  if (!tally.complete) return null;
  return (
    <p role="status" className="notice review-complete">
      {t('batchReviewed', { accepted: tally.accepted, rejected: tally.rejected })}{' '}
      {view !== 'report' && (
        <button type="button" className="link" onClick={() => engine.setView('report')}>
          {t('openReport')}
        </button>
      )}
    </p>
  );
}

/** Every key the page answers, on whichever tab it is asked for. */
function ShortcutHelp() {
  const { t } = useI18n();
  const close = () => setShortcutHelp(false);
  return (
    <ModalDialog
      title={t('shortcutsTitle')}
      onCancel={close}
      body={
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
      }
    >
      <button type="button" autoFocus onClick={close}>
        {t('dismiss')}
      </button>
    </ModalDialog>
  );
}
