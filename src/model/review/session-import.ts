import { megabytes } from '@/lib/byte-size';
import { requireReviewedImages, SessionRefused, type ParsedSession, type SessionCard } from './session';

/** The most image bytes one import reads: 100 images at the service's 20 MB, or 500 phone photos. */
export const MAX_IMPORT_IMAGE_BYTES = 2 * 1024 * 1024 * 1024;

/**
 * The files chosen with a session that it names: an image of a size one of its cards gives, or, for a
 * card from a session that gives none, of that card's file name. Only these are read.
 */
export function namedImages(files: readonly File[], cards: readonly SessionCard[]): File[] {
  const sizes = new Set(cards.flatMap((c) => (c.bytes ? [c.bytes] : [])));
  const names = new Set(cards.flatMap((c) => (c.bytes ? [] : [c.file])));
  return files.filter((file) => sizes.has(file.size) || names.has(file.name));
}

/** A chosen image the session names, read and checked, with its card. */
export interface SessionImage<Checked> {
  file: File;
  checked: Checked;
  card: SessionCard;
}

/**
 * Reads the images a parsed session names, one at a time, and pairs each with its card by the SHA-256
 * of its bytes. `read` checks one file as a drop does and returns what is kept of it (null when it is
 * refused), so no more than one image's bytes are held at once. The session is refused before any
 * image is read when those it names come to more than `maxBytes`, and after, when a reviewed card's
 * image is not among them.
 */
export async function readSessionImages<Checked extends { sha256: string }>(
  files: readonly File[],
  session: ParsedSession,
  read: (file: File) => Promise<Checked | null>,
  maxBytes = MAX_IMPORT_IMAGE_BYTES,
): Promise<SessionImage<Checked>[]> {
  const named = namedImages(files, session.cards);
  const total = named.reduce((sum, file) => sum + file.size, 0);
  if (total > maxBytes)
    throw new SessionRefused({
      problem: 'images-too-large',
      size: megabytes(total),
      limit: megabytes(maxBytes),
    });

  const bySha = new Map(session.cards.map((card) => [card.sha256, card]));
  const found = new Map<string, SessionImage<Checked>>();
  for (const file of named) {
    const checked = await read(file);
    const card = checked && bySha.get(checked.sha256);
    if (checked && card && !found.has(card.sha256)) found.set(card.sha256, { file, checked, card });
  }
  requireReviewedImages(session, new Set(found.keys()));
  // In the session's order, as it was exported.
  return session.cards.flatMap((card) => found.get(card.sha256) ?? []);
}
