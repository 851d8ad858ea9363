import { inProgress, type QueueItem } from '@/engine/queue/queue-item';
import { ErrorNotice } from '@/ui/error-notice';
import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import { LOOKS_LIKE, SEND_AS } from '@/model/text/looks-like-text';

const STAGE_TEXT: Record<string, MessageKey> = {
  preparing: 'stagePreparing',
  encrypting: 'stageEncrypting',
  sending: 'stageSending',
  decrypting: 'stageDecrypting',
};

interface Props {
  item: QueueItem;
  decodeError: unknown;
  onCancel: (id: string) => void;
  onRetry: (id: string) => void;
  onSendAnyway: (id: string) => void;
  /** Sends a failed card to the service it looks like. */
  onSendAs: (id: string) => void;
  onOpenConnection: () => void;
}

/** What the canvas says over the card while it is checked, queued, sent, held, refused, failed or cancelled. */
export function StatusOverlay({
  item,
  decodeError,
  onCancel,
  onRetry,
  onSendAnyway,
  onSendAs,
  onOpenConnection,
}: Props) {
  const { t, pick } = useI18n();
  if (item.status === 'rejected' && item.rejection) {
    return (
      <div className="canvas-status notice notice-error" role="alert">
        {pick(item.rejection)}
      </div>
    );
  }
  if (inProgress(item.status)) {
    const label =
      item.status === 'working' && item.stage
        ? t(STAGE_TEXT[item.stage])
        : item.status === 'queued'
          ? t('statusQueued')
          : t('statusChecking');
    return (
      <div className="canvas-status progress" role="status" aria-live="polite">
        <span className="spinner" aria-hidden="true" />
        <span>{label}</span>
        {item.status !== 'checking' && (
          <button type="button" onClick={() => onCancel(item.id)}>
            {t('cancel')}
          </button>
        )}
      </div>
    );
  }
  return (
    <>
      {item.status === 'failed' && (
        <div className="canvas-status">
          <ErrorNotice error={item.error} onOpenConnection={onOpenConnection} />
          {item.looksLike && (
            <p role="status">
              {t(LOOKS_LIKE[item.looksLike])}{' '}
              <button type="button" onClick={() => onSendAs(item.id)}>
                {t(SEND_AS[item.looksLike])}
              </button>
            </p>
          )}
          <button type="button" onClick={() => onRetry(item.id)}>
            {t('retry')}
          </button>
        </div>
      )}
      {item.status === 'held' && item.hold && (
        <div className="canvas-status" role="status">
          {pick(item.hold)}{' '}
          <button type="button" onClick={() => onSendAnyway(item.id)}>
            {t('sendAnyway')}
          </button>
        </div>
      )}
      {item.status === 'cancelled' && (
        <div className="canvas-status" role="status">
          {t('statusCancelled')}{' '}
          <button type="button" onClick={() => onRetry(item.id)}>
            {t('retry')}
          </button>
        </div>
      )}
      {item.image?.lowResolution && item.status === 'done' && (
        <p className="canvas-note">
          {t('lowResolutionWarning', { width: item.image.width, height: item.image.height })}
        </p>
      )}
      {decodeError !== null && (
        <div className="canvas-status field-error">
          {decodeError instanceof Error ? decodeError.message : 'The image could not be decoded.'}
        </div>
      )}
    </>
  );
}
