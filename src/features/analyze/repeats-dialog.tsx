import type { RepeatChoice, RepeatQuestion } from '@/engine/queue/repeats';
import { useI18n } from '@/ui/i18n';
import { ModalDialog } from '@/ui/modal-dialog';

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
  const { repeats, total } = question;
  const someNew = repeats < total;
  const body =
    total === 1 ? t('repeatsOne') : someNew ? t('repeatsSome', { n: repeats, total }) : t('repeatsAll', { total });
  return (
    <ModalDialog role="alertdialog" title={t('repeatsTitle')} body={<p>{body}</p>} onCancel={() => onAnswer('none')}>
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
    </ModalDialog>
  );
}
