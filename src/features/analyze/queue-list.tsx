import { useI18n } from '@/ui/i18n';
import type { QueueItem } from '@/engine/queue/queue-item';
import type { ComponentType } from 'react';
import { StatusBadge } from './status-badge';

interface Props {
  items: readonly QueueItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRetry: (id: string) => void;
  onSendAnyway: (id: string) => void;
  onClear: () => void;
  /** How far a card's review has gone (StoredReviewMark), given once the review's code is here. */
  ReviewMark?: ComponentType<{ sha256: string }>;
}

/** The side list shows the latest cards; the Batch tab's virtualised table lists them all. */
export const QUEUE_LIST_LIMIT = 40;

export function QueueList({ items: all, selectedId, onSelect, onRetry, onSendAnyway, onClear, ReviewMark }: Props) {
  const { t, pick } = useI18n();
  const items = all.length > QUEUE_LIST_LIMIT ? all.slice(-QUEUE_LIST_LIMIT) : all;
  return (
    <section className="queue" aria-labelledby="queue-title">
      <div className="row spread">
        <h2 id="queue-title">{t('queue')}</h2>
        {items.length > 0 && (
          <button type="button" className="link" onClick={onClear}>
            {t('clearQueue')}
          </button>
        )}
      </div>
      {all.length > items.length && <p className="hint">{t('queueMore', { n: all.length - items.length })}</p>}
      {items.length === 0 ? (
        <p className="hint">{t('queueEmpty')}</p>
      ) : (
        <ul aria-label={t('queue')}>
          {items.map((item) => (
            <li
              key={item.id}
              className={`queue-item status-${item.status}${item.id === selectedId ? ' selected' : ''}`}
            >
              <button
                type="button"
                className="queue-open"
                aria-current={item.id === selectedId}
                onClick={() => onSelect(item.id)}
                aria-label={t('open', { name: item.file.name })}
              >
                <span className="file-name">{item.file.name}</span>
                <StatusBadge status={item.status} />
                {ReviewMark && item.image && item.outcome && <ReviewMark sha256={item.image.sha256} />}
              </button>
              {item.rejection && <p className="field-error">{pick(item.rejection)}</p>}
              {item.caution && <p className="hint caution">⚠ {pick(item.caution)}</p>}
              {item.status === 'held' && item.hold && (
                <>
                  <p className="hint caution">{pick(item.hold)}</p>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSendAnyway(item.id)}
                    aria-label={t('sendAnywayFor', { name: item.file.name })}
                  >
                    {t('sendAnyway')}
                  </button>
                </>
              )}
              {(item.status === 'failed' || item.status === 'cancelled') && (
                <button type="button" className="link" onClick={() => onRetry(item.id)}>
                  {t('retry')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
