import { megabytes } from '@/lib/byte-size';
import { MAX_IMAGE_BYTES } from '@/lib/image-format';
import { checkSessionSize, MAX_SESSION_BYTES, parseSession, type ParsedSession, type SessionCard } from './session';
import { isZipFile } from './session-file';
import { refuse, SessionRefused } from './session-refusal';
import { imageEntrySha, readZipDirectory, readZipEntry, SESSION_ENTRY } from './session-zip';

/** The most image bytes one import reads: 100 images at the service's 20 MB, or 500 phone photos. */
export const MAX_IMPORT_IMAGE_BYTES = 2 * 1024 * 1024 * 1024;

/** An image an import may read: a chosen file, or an entry of the session's ZIP, opened when its turn comes. */
export interface ImageSource {
  name: string;
  size: number;
  open: () => Promise<File>;
}

export const fileSource = (file: File): ImageSource => ({
  name: file.name,
  size: file.size,
  open: () => Promise.resolve(file),
});

/**
 * The files chosen with a session that it names: an image of a size one of its cards gives, or, for a
 * card from a session that gives none, of that card's file name. Only these are read.
 */
export function namedImages<F extends { name: string; size: number }>(
  files: readonly F[],
  cards: readonly SessionCard[],
): F[] {
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

/** A session opened: its images found so far, in its order, and its cards still without one. */
export interface SessionOpening<Checked> {
  session: ParsedSession;
  images: SessionImage<Checked>[];
  missing: SessionCard[];
  /** Files in its ZIP that are not part of it, left out. */
  leftOut: number;
}

/**
 * Reads the images a parsed session names, one at a time, and pairs each with its card by the SHA-256
 * of its bytes. `read` checks one file as a drop does and returns what is kept of it (null when it is
 * refused), so no more than one image's bytes are held at once. The session is refused before any
 * image is read when those it names come to more than `maxBytes`.
 */
export async function readSessionImages<Checked extends { sha256: string }>(
  sources: readonly ImageSource[],
  session: ParsedSession,
  read: (file: File) => Promise<Checked | null>,
  maxBytes = MAX_IMPORT_IMAGE_BYTES,
): Promise<Pick<SessionOpening<Checked>, 'images' | 'missing'>> {
  const named = namedImages(sources, session.cards);
  const total = named.reduce((sum, source) => sum + source.size, 0);
  if (total > maxBytes)
    throw new SessionRefused({
      problem: 'images-too-large',
      size: megabytes(total),
      limit: megabytes(maxBytes),
    });

  const bySha = new Map(session.cards.map((card) => [card.sha256, card]));
  const found = new Map<string, SessionImage<Checked>>();
  for (const source of named) {
    const file = await source.open();
    const checked = await read(file);
    const card = checked && bySha.get(checked.sha256);
    if (checked && card && !found.has(card.sha256)) found.set(card.sha256, { file, checked, card });
  }
  // In the session's order, as it was exported.
  return {
    images: session.cards.flatMap((card) => found.get(card.sha256) ?? []),
    missing: session.cards.filter((card) => !found.has(card.sha256)),
  };
}

/** A session's ZIP: its JSON checked whole, then the images of its cards inflated one at a time. */
async function openZip<Checked extends { sha256: string }>(
  blob: Blob,
  read: (file: File) => Promise<Checked | null>,
): Promise<SessionOpening<Checked>> {
  const zip = await readZipDirectory(blob);
  const json = zip.entries.find((entry) => entry.name === SESSION_ENTRY);
  if (!json) refuse({ problem: 'zip-no-session' });
  const session = parseSession(new TextDecoder().decode(await readZipEntry(zip, json, MAX_SESSION_BYTES)));
  const bySha = new Map(session.cards.map((card) => [card.sha256, card]));
  const sources: ImageSource[] = [];
  let leftOut = 0;
  for (const entry of zip.entries) {
    if (entry === json || entry.name.endsWith('/')) continue;
    const card = bySha.get(imageEntrySha(entry.name) ?? '');
    if (!card) leftOut++;
    else
      sources.push({
        name: card.file,
        size: entry.size,
        open: async () =>
          new File([(await readZipEntry(zip, entry, MAX_IMAGE_BYTES)) as Uint8Array<ArrayBuffer>], card.file, {
            type: entry.name.endsWith('.jpg') ? 'image/jpeg' : 'image/png',
          }),
      });
  }
  return { session, ...(await readSessionImages(sources, session, read)), leftOut };
}

/**
 * Opens a session from the files chosen or dropped: its ZIP (with any images beside it for cards it
 * lacks), or its JSON and the images chosen with it. The JSON is checked whole before any image is read.
 * Throws SessionRefused; what is returned is not yet imported.
 */
export async function openSessionFiles<Checked extends { sha256: string }>(
  files: readonly File[],
  read: (file: File) => Promise<Checked | null>,
): Promise<SessionOpening<Checked>> {
  const zip = files.find(isZipFile);
  if (zip) {
    const opening = await openZip(zip, read);
    const others = files.filter((file) => file !== zip);
    return others.length && opening.missing.length ? withChosenImages(opening, others, read) : opening;
  }
  const json = files.find((f) => /\.json$/i.test(f.name) || f.type === 'application/json');
  if (!json) refuse({ problem: 'no-json' });
  checkSessionSize(json.size);
  const session = parseSession(await json.text());
  const sources = files.filter((file) => file !== json).map(fileSource);
  return { session, ...(await readSessionImages(sources, session, read)), leftOut: 0 };
}

/** The images chosen for the cards a session opened without: found ones join the rest, in its order. */
export async function withChosenImages<Checked extends { sha256: string }>(
  opening: SessionOpening<Checked>,
  files: readonly File[],
  read: (file: File) => Promise<Checked | null>,
): Promise<SessionOpening<Checked>> {
  const held = opening.images.reduce((sum, image) => sum + image.file.size, 0);
  const more = await readSessionImages(
    files.map(fileSource),
    { redacted: opening.session.redacted, cards: opening.missing },
    read,
    MAX_IMPORT_IMAGE_BYTES - held,
  );
  const found = new Map([...opening.images, ...more.images].map((image) => [image.card.sha256, image]));
  return {
    ...opening,
    images: opening.session.cards.flatMap((card) => found.get(card.sha256) ?? []),
    missing: more.missing,
  };
}
