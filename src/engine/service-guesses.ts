import type { OcrService } from '@/api';
import { limit } from '@/lib/limit';
import type { ReadCard } from '@/reader-service';
import type * as Code from './engine-code';
import type { QueueEvent, QueueState } from './queue/queue-types';

/**
 * Listens for failed cards and asks which service each looks like (looksLikeOf), one at a time: each
 * question may read a photo on the device. An answer lands only on a card still failed the same way.
 */
export function serviceGuesses(
  queue: {
    getSnapshot: () => QueueState;
    suggestService: (id: string, error: unknown, looksLike: OcrService) => void;
  },
  code: () => Promise<Pick<typeof Code, 'looksLikeOf'>>,
  readCard: ReadCard,
  /** Whether the reader may run now (a device check is on, or the service reads on the device anyway). */
  mayRead: () => boolean,
) {
  const oneAtATime = limit(1);
  return ({ id, error }: QueueEvent) => {
    // Its file and service, which the card had before it failed: the failure itself may not be published yet.
    const item = queue.getSnapshot().items.find((i) => i.id === id);
    if (!item || !mayRead()) return;
    void oneAtATime(() => code().then((c) => c.looksLikeOf(item.file, item.kind, error, readCard))).then(
      (looksLike) => looksLike && queue.suggestService(id, error, looksLike),
      () => undefined,
    );
  };
}
