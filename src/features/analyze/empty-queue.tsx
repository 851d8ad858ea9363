import { useI18n } from '@/ui/i18n';

/** The queue before its first card: the list itself (queue-list.tsx) arrives with the first card. */
export function EmptyQueue() {
  const { t } = useI18n();
  return (
    <section className="queue" aria-labelledby="queue-title">
      <div className="row spread">
        <h2 id="queue-title">{t('queue')}</h2>
      </div>
      <p className="hint">{t('queueEmpty')}</p>
    </section>
  );
}
