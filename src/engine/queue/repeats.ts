import type { QueueItem } from './queue-item';

/** Hex SHA-256 of a file's bytes (the hash reviews and redacted exports use), or null when it cannot be read. */
export type HashFile = (file: Blob) => Promise<string | null>;

/** What the engine asks before it sends images the batch already holds: how many of the drop repeat one. */
export interface RepeatQuestion {
  repeats: number;
  total: number;
}

/** The operator's answer: send every file, only the new ones, or none of the drop. */
export type RepeatChoice = 'send' | 'skip' | 'none';

/** The cards a new file may repeat: every card of the batch but one refused before it could be sent. */
export const comparable = (items: readonly QueueItem[]) => items.filter((item) => item.status !== 'rejected');

/**
 * Whether any file of a drop could repeat an image of the batch: only a file of the same byte size can. A
 * drop of new photos is answered from the sizes alone, at once, without reading a byte.
 */
export function mayRepeat(items: readonly QueueItem[], files: readonly File[]): boolean {
  if (items.length === 0) return false;
  const sizes = new Set(comparable(items).map((item) => item.file.size));
  return files.some((file) => sizes.has(file.size));
}
