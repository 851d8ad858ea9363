import { useId } from 'react';
import type { RepeatChoice, RepeatQuestion } from '@/engine/queue/repeats';
import { useI18n } from '@/ui/i18n';

/**
 * Asked once for a whole drop that holds images already in the batch, since each send is billed. Escape
 * cancels the drop, as Cancel does: nothing is sent that was not meant to be.
 */
export function RepeatsDialog({
  question,
  onAnswer,
}: {
  question: RepeatQuestion;
  onAnswer: (choice: RepeatChoice) => void;
}) {
  const { t } = useI18n();
  const titleId = useId();
  const bodyId = useId();
  const { repeats, total } = question;
  const someNew = repeats < total;
  const body =
    total === 1 ? t('repeatsOne') : someNew ? t('repeatsSome', { n: repeats, total }) : t('repeatsAll', { total });
  return (
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={bodyId}
        className="dialog"
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.stopPropagation();
          onAnswer('none');
        }}
      >
        <h2 id={titleId}>{t('repeatsTitle')}</h2>
        <p id={bodyId}>{body}</p>
        <div className="row">
          {someNew && (
            <button type="button" autoFocus onClick={() => onAnswer('skip')}>
              {t('repeatsSkip')}
            </button>
          )}
          <button type="button" className="danger" onClick={() => onAnswer('send')}>
            {t('repeatsSend')}
          </button>
          <button type="button" autoFocus={!someNew} onClick={() => onAnswer('none')}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
