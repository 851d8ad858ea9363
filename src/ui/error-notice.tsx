import { useI18n } from './i18n';
import { describeError } from '@/model/text/describe-error';

interface Props {
  error: unknown;
  onOpenConnection?: () => void;
  onDismiss?: () => void;
}

export function ErrorNotice({ error, onOpenConnection, onDismiss }: Props) {
  const { t, pick } = useI18n();
  const d = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{pick(d.title)}</p>
      {d.hint && <p>{pick(d.hint)}</p>}
      <details>
        <summary>{t('technicalDetail')}</summary>
        <code className="detail">{d.detail}</code>
      </details>
      <div className="notice-actions">
        {d.connectionProblem && onOpenConnection && (
          <button type="button" onClick={onOpenConnection}>
            {t('openConnection')}
          </button>
        )}
        {onDismiss && (
          <button type="button" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        )}
      </div>
    </div>
  );
}
