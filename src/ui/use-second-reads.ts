import { useEffect, useState } from 'react';
import { createSecondReader, type SecondReadItem } from '@/engine/second-read-scheduler';
import type { ReadBoxesOnDevice } from '@/model/second-read/second-read-task';
import type { SecondRead } from '@/model/second-read/second-read-types';

/** While `enabled`, reads every card NHN answered once more on this device (createSecondReader). */
export function useSecondReads(
  items: readonly SecondReadItem[],
  enabled: boolean,
  read: ReadBoxesOnDevice,
  annotate: (id: string, secondRead: SecondRead | undefined) => void,
) {
  const [reader] = useState(() => createSecondReader(read, annotate));
  useEffect(() => reader.sync(items, enabled), [reader, items, enabled]);
}
