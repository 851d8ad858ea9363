import { sha256Hex } from '@/lib/hex';
import type { QueueItem } from './queue-item';
import { comparable, type HashFile } from './repeats';

// The hashing half of finding repeats: with the engine's heavy code, since a drop of new sizes never needs it.

/**
 * The files of a drop whose image is already in the batch, by the SHA-256 of their bytes. Only files and
 * cards of the same size are hashed, one at a time, and a card already read brings its hash along.
 */
export async function findRepeats(
  items: readonly QueueItem[],
  files: readonly File[],
  hash: HashFile = hashOnce,
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

const hashOnce = fileHasher();
