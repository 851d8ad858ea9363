import { useMemo } from 'react';
import type { AnalysisKind } from '@/api';
import type { QueueItem } from '@/engine/queue/queue-item';
import { preSendOutcome, type PreSendOutcome } from '@/model/second-read/pre-send';
import { useSecondReads } from '@/ui/use-second-reads';
import { type SecondRead } from '@/model/second-read/second-read-types';
import { deviceReader } from './reader';

/** The check before sending (preSendOutcome), with the device's reader. Never throws. */
export async function checkBeforeSend(bytes: Uint8Array, kind: AnalysisKind): Promise<PreSendOutcome> {
  const read = await deviceReader.readCard(bytes, kind === 'credit-card' ? 'credit-card' : 'id-card');
  return preSendOutcome(read, kind);
}

/**
 * While `enabled`, has the device read every card NHN answered again; returns the second reads by
 * image hash, as the report matches them to the reviewer's verdicts.
 */
export function useSecondReadsOnDevice(
  queue: { items: readonly QueueItem[]; annotate: (id: string, read: SecondRead | undefined) => void },
  enabled: boolean,
): ReadonlyMap<string, SecondRead> {
  useSecondReads(queue.items, enabled, deviceReader.readBoxes, queue.annotate);
  return useMemo(
    () =>
      new Map(
        queue.items.flatMap((item): [string, SecondRead][] =>
          item.image && item.secondRead ? [[item.image.sha256, item.secondRead]] : [],
        ),
      ),
    [queue.items],
  );
}
