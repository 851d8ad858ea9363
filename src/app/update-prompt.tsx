import { useSyncExternalStore } from 'react';
import { inProgress, unsaved, type QueueItem } from '@/features/analyze';
import { useI18n } from '@/features/shared';
import { updateStore, type UpdateState, type UpdateStore } from './update-prompt-store';

/**
 * Whether to offer the new version now, and whether its reload would lose results never exported. Never
 * while a card is on its way: the batch lives in this page only, and a new version never swaps under it.
 */
export function updateOffer(state: UpdateState, items: readonly QueueItem[]): { unexported: boolean } | null {
  if (state === 'none' || items.some((item) => inProgress(item.status))) return null;
  return { unexported: items.some(unsaved) };
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
      {offer.unexported && <p>{t('updateUnexported')}</p>}
      <button type="button" onClick={() => store.update()}>
        {t('updateReload')}
      </button>
    </div>
  );
}
