import { useSyncExternalStore } from 'react';
import { inProgress, unsaved, type QueueItem } from '@/engine/queue/queue-item';
import { useI18n } from '@/ui/i18n';
import { updateStore, type UpdateState, type UpdateStore } from './update-prompt-store';

export type UpdateOffer =
  | { reload: false }
  /** `unexported`: the reload would lose results never exported. */
  | { reload: true; unexported: boolean };

/**
 * What to say of a new version: nothing when there is none; that it waits, while a card is on its way (the
 * batch lives in this page only, and a new version never swaps under it); else the reload.
 */
export function updateOffer(state: UpdateState, items: readonly QueueItem[]): UpdateOffer | null {
  if (state === 'none') return null;
  if (items.some((item) => inProgress(item.status))) return { reload: false };
  return { reload: true, unexported: items.some(unsaved) };
}

export const useUpdateState = (store: UpdateStore = updateStore) =>
  useSyncExternalStore(store.subscribe, store.getSnapshot);

/** "Reload to update", once a new version is in and no batch is running. */
export function UpdatePrompt({ items, store = updateStore }: { items: readonly QueueItem[]; store?: UpdateStore }) {
  const { t } = useI18n();
  const offer = updateOffer(useUpdateState(store), items);
  if (!offer) return null;
  return (
    <div className="notice" role="status">
      <p className="notice-title">{t('updateReady')}</p>
      {!offer.reload ? (
        <p>{t('updateAfterBatch')}</p>
      ) : (
        <>
          {offer.unexported && <p>{t('updateUnexported')}</p>}
          <button type="button" onClick={() => store.update()}>
            {t('updateReload')}
          </button>
        </>
      )}
    </div>
  );
}
