import { useEffect, useRef } from 'react';
import { useI18n } from '@/ui/i18n';
import type { QueueItem } from '@/engine/queue/queue-item';
import type { ComponentType } from 'react';
import { LOOKS_LIKE, SEND_AS, SEND_AS_FOR } from '@/model/text/looks-like-text';
import { QualityNote } from '@/ui/quality-note';
import { StatusBadge } from './status-badge';

interface Props {
  items: readonly QueueItem[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRetry: (id: string) => void;
  onSendAnyway: (id: string) => void;
  /** Sends a failed card to the service it looks like. */
  onSendAs: (id: string) => void;
  onClear: () => void;
  /** How far a card's review has gone (StoredReviewMark), given once the review's code is here. */
  ReviewMark?: ComponentType<{ sha256: string }>;
}

/** The side list shows the latest cards; the Batch tab's virtualised table lists them all. */
export const QUEUE_LIST_LIMIT = 40;

export function QueueList(props: Props) {
  const { items: all, selectedId, onSelect, onRetry, onSendAnyway, onSendAs, onClear, ReviewMark } = props;
  const { t, pick } = useI18n();
  const items = all.length > QUEUE_LIST_LIMIT ? all.slice(-QUEUE_LIST_LIMIT) : all;
  const list = useRef<HTMLUListElement>(null);
  // The card shown is in view: the first of a new drop, below the cards already here, or the one stepped to.
  useEffect(() => {
    list.current?.querySelector('.queue-item.selected')?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);
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
      {items.length > 0 && (
        <ul aria-label={t('queue')} ref={list}>
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
              <QualityNote quality={item.quality} />
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
              {item.status === 'failed' && item.looksLike && (
                <>
                  <p className="hint caution">{t(LOOKS_LIKE[item.looksLike])}</p>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onSendAs(item.id)}
                    aria-label={t(SEND_AS_FOR[item.looksLike], { name: item.file.name })}
                  >
                    {t(SEND_AS[item.looksLike])}
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
