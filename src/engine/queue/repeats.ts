import { sha256Hex } from '@/lib/hex';
import type { QueueItem } from './queue-item';

/** Hex SHA-256 of a file's bytes (the hash reviews and redacted exports use), or null when it cannot be read. */
export type HashFile = (file: Blob) => Promise<string | null>;

/** What the engine asks before it sends images the batch already holds: how many of the drop repeat one. */
export interface RepeatQuestion {
  repeats: number;
  total: number;
}

/** The operator's answer: send every file, only the new ones, or none of the drop. */
export type RepeatChoice = 'send' | 'skip' | 'cancel';

/** The cards a new file may repeat: every card of the batch but one refused before it could be sent. */
const comparable = (items: readonly QueueItem[]) => items.filter((item) => item.status !== 'rejected');

/**
 * Whether any file of a drop could repeat an image of the batch: only a file of the same byte size can. A
 * drop of new photos is answered from the sizes alone, at once, without reading a byte.
 */
export function mayRepeat(items: readonly QueueItem[], files: readonly File[]): boolean {
  if (items.length === 0) return false;
  const sizes = new Set(comparable(items).map((item) => item.file.size));
  return files.some((file) => sizes.has(file.size));
}

/**
 * The files of a drop whose image is already in the batch, by the SHA-256 of their bytes. Only files and
 * cards of the same size are hashed, one at a time, and a card already read brings its hash along.
 */
export async function findRepeats(
  items: readonly QueueItem[],
  files: readonly File[],
  hash: HashFile,
): Promise<File[]> {
  const bySize = new Map<number, QueueItem[]>();
  for (const item of comparable(items)) bySize.set(item.file.size, [...(bySize.get(item.file.size) ?? []), item]);
  const known = new Set<string>();
  const hashedSizes = new Set<number>();
  const repeats: File[] = [];
  for (const file of files) {
    const cards = bySize.get(file.size);
    if (!cards) continue;
    if (!hashedSizes.has(file.size)) {
      hashedSizes.add(file.size);
      for (const card of cards) {
        const sha = card.image?.sha256 ?? (await hash(card.file));
        if (sha) known.add(sha);
      }
    }
    const sha = await hash(file);
    if (sha && known.has(sha)) repeats.push(file);
  }
  return repeats;
}

/** Hashes each file once: a card's file is hashed at most once however many drops it is compared with. */
export function fileHasher(): HashFile {
  const hashes = new WeakMap<Blob, Promise<string | null>>();
  return (file) => {
    let hashed = hashes.get(file);
    if (!hashed) {
      hashed = file.arrayBuffer().then(
        (bytes) => sha256Hex(new Uint8Array(bytes)).catch(() => null),
        () => null,
      );
      hashes.set(file, hashed);
    }
    return hashed;
  };
}
