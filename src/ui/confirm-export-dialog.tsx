import type { MessageKey } from '@/model/text/message-keys';
import { useI18n } from './i18n';
import { ModalDialog } from './modal-dialog';

/** What is being exported, which the dialog's title names. */
export type ExportKind = 'csv' | 'json' | 'card-json' | 'png' | 'session';

const TITLE: Record<ExportKind, MessageKey> = {
  csv: 'exportTitleCsv',
  json: 'exportTitleJson',
  'card-json': 'exportTitleCardJson',
  png: 'exportTitlePng',
  session: 'exportTitleSession',
};

/**
 * Every export is redacted unless the user confirms here that full values may leave the screen. The title
 * names what is exported; Escape cancels, as the Cancel button does.
 */
export function ConfirmExportDialog({
  what,
  onExport,
  onCancel,
  allowFull = true,
  note,
}: {
  what: ExportKind;
  /** What this export holds beyond the values, when that differs between its full and redacted forms. */
  note?: string;
  onExport: (redacted: boolean) => void;
  onCancel: () => void;
  allowFull?: boolean;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog
      title={t(TITLE[what])}
      body={
        <>
          <p>{t('exportUnredactedBody')}</p>
          {note && <p>{note}</p>}
        </>
      }
      onCancel={onCancel}
    >
      <button type="button" autoFocus onClick={() => onExport(true)}>
        {t('exportRedacted')}
      </button>
      <button type="button" className="danger" onClick={() => onExport(false)} disabled={!allowFull}>
        {t('exportFull')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </ModalDialog>
  );
}
