import { useId } from 'react';
import { useI18n } from './i18n';

/** Every export is redacted unless the user confirms here that full values may leave the screen. */
export function ConfirmExportDialog({
  onExport,
  onCancel,
  allowFull = true,
}: {
  onExport: (redacted: boolean) => void;
  onCancel: () => void;
  allowFull?: boolean;
}) {
  const { t } = useI18n();
  const titleId = useId();
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="dialog">
        <h2 id={titleId}>{t('exportUnredacted')}</h2>
        <p>{t('exportUnredactedBody')}</p>
        <div className="row">
          <button type="button" autoFocus onClick={() => onExport(true)}>
            {t('exportRedacted')}
          </button>
          <button type="button" className="danger" onClick={() => onExport(false)} disabled={!allowFull}>
            {t('exportFull')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
