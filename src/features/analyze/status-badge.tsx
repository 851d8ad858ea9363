import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import type { ItemStatus } from '@/engine/queue/queue-item';

const STATUS: Record<ItemStatus, MessageKey> = {
  checking: 'statusChecking',
  queued: 'statusQueued',
  working: 'statusWorking',
  done: 'statusDone',
  held: 'statusHeld',
  failed: 'statusFailed',
  rejected: 'statusRejected',
  cancelled: 'statusCancelled',
};

/** A card's status as the queue and the batch table both show it. */
export function StatusBadge({ status }: { status: ItemStatus }) {
  const { t } = useI18n();
  return <span className={`badge badge-${status}`}>{t(STATUS[status])}</span>;
}
