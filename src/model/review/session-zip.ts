import { Inflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { megabytes } from '@/lib/byte-size';
import type { ImageFormat } from '@/lib/image-format';
import { refuse, SessionRefused } from './session-refusal';

// A session as one file: session.json and the images, in a ZIP. It is read through its central directory,
// never as a whole: sizes are checked before anything is inflated, and one entry is inflated at a time.

export const SESSION_ENTRY = 'session.json';
/** More files than any session holds (one per card, and its JSON). */
export const MAX_ZIP_ENTRIES = 5000;
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;
const MAX_ENTRY_NAME = 255;

/** An image's place in the ZIP: by its hash, so that no name a person gave a file is a path in it. */
export const imageEntryName = (sha256: string, format: ImageFormat) =>
  `images/${sha256}.${format === 'jpeg' ? 'jpg' : 'png'}`;
const IMAGE_ENTRY = /^images\/([0-9a-f]{64})\.(png|jpg)$/;

/** The hash an image entry is named by, or null for any other entry. */
export function imageEntrySha(name: string): string | null {
  return IMAGE_ENTRY.exec(name)?.[1] ?? null;
}

/**
 * Writes the session's JSON and its images. Each image is read when its turn comes, and stored as it is
 * (PNG and JPEG are compressed already); the JSON is deflated.
 */
export async function writeSessionZip(
  json: string,
  images: readonly { sha256: string; format: ImageFormat; read: () => Promise<Uint8Array> }[],
): Promise<Blob> {
  const parts: Uint8Array<ArrayBuffer>[] = [];
  const written: { failure: Error | null } = { failure: null };
  const zip = new Zip((error, chunk) => {
    if (error) written.failure = error;
    else parts.push(chunk);
  });
  const entry = new ZipDeflate(SESSION_ENTRY, { level: 6 });
  zip.add(entry);
  entry.push(new TextEncoder().encode(json), true);
  for (const image of images) {
    const bytes = await image.read();
    const stored = new ZipPassThrough(imageEntryName(image.sha256, image.format));
    zip.add(stored);
    stored.push(bytes, true);
  }
  zip.end();
  if (written.failure) throw written.failure;
  return new Blob(parts, { type: 'application/zip' });
}

/** One file in a ZIP, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** The size it declares once inflated; inflating past it is refused. */
  size: number;
  headerOffset: number;
}

/** A ZIP's directory, checked: every name a plain relative path, no name twice, every entry inside the file. */
export interface ZipDirectory {
  blob: Blob;
  entries: ZipEntry[];
  /** Where the directory starts: every entry's data ends before it. */
  end: number;
}

const u16 = (view: DataView, at: number) => view.getUint16(at, true);
const u32 = (view: DataView, at: number) => view.getUint32(at, true);
const bytesOf = async (blob: Blob, from: number, to: number) =>
  new Uint8Array(await blob.slice(from, to).arrayBuffer());

/** A name that stays inside the archive: relative, no `..`, no backslash or control character. */
function isPlainName(name: string): boolean {
  if (!name || name.length > MAX_ENTRY_NAME || name.startsWith('/') || /^[A-Za-z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  const segments = name.replace(/\/$/, '').split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
}

/** Reads and checks a ZIP's central directory; nothing is inflated. Throws SessionRefused. */
export async function readZipDirectory(blob: Blob): Promise<ZipDirectory> {
  // The end record is in the last 22 bytes, or before them by the length of a comment (at most 65,535).
  const tailStart = Math.max(0, blob.size - 22 - 0xffff);
  const tail = await bytesOf(blob, tailStart, blob.size);
  const tailView = new DataView(tail.buffer);
  let at = tail.length - 22;
  while (at >= 0 && u32(tailView, at) !== 0x06054b50) at--;
  if (at < 0) refuse({ problem: 'zip-unreadable' });
  const count = u16(tailView, at + 10);
  const directorySize = u32(tailView, at + 12);
  const directoryStart = u32(tailView, at + 16);
  const end = tailStart + at;
  // Split archives, and ZIP64 (only needed past 4 GB or 65,535 files), are beyond any session.
  if (u16(tailView, at + 4) !== 0 || u16(tailView, at + 6) !== 0 || count !== u16(tailView, at + 8))
    refuse({ problem: 'zip-unreadable' });
  if (count > MAX_ZIP_ENTRIES || directorySize > MAX_DIRECTORY_BYTES)
    refuse({ problem: 'zip-too-many', limit: MAX_ZIP_ENTRIES });
  if (directoryStart + directorySize > end) refuse({ problem: 'zip-unreadable' });

  const directory = await bytesOf(blob, directoryStart, directoryStart + directorySize);
  const view = new DataView(directory.buffer);
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directory.length || u32(view, p) !== 0x02014b50) refuse({ problem: 'zip-unreadable' });
    const nameLength = u16(view, p + 28);
    const next = p + 46 + nameLength + u16(view, p + 30) + u16(view, p + 32);
    if (next > directory.length) refuse({ problem: 'zip-unreadable' });
    const name = names.decode(directory.subarray(p + 46, p + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: u16(view, p + 10),
      compressedSize: u32(view, p + 20),
      size: u32(view, p + 24),
      headerOffset: u32(view, p + 42),
    };
    const field = name.length > 80 ? `${name.slice(0, 80)}…` : name;
    if (!isPlainName(name)) refuse({ problem: 'zip-bad-name', field: JSON.stringify(field) });
    if (seen.has(name)) refuse({ problem: 'zip-duplicate', field });
    seen.add(name);
    // Bit 0: encrypted. Anything but stored or deflated is not what Cardlens writes.
    if (u16(view, p + 8) & 1 || (entry.method !== 0 && entry.method !== 8)) refuse({ problem: 'zip-method', field });
    if (entry.headerOffset + 30 + entry.compressedSize > end) refuse({ problem: 'zip-truncated', field });
    entries.push(entry);
    p = next;
  }
  return { blob, entries, end };
}

/**
 * One entry's bytes, refused without inflating anything when it declares more than `maxBytes`, and as soon
 * as it inflates past what it declares. Its local header must name it as the directory does.
 */
export async function readZipEntry(zip: ZipDirectory, entry: ZipEntry, maxBytes: number): Promise<Uint8Array> {
  const field = entry.name;
  if (entry.size > maxBytes) refuse({ problem: 'zip-entry-too-large', field, limit: megabytes(maxBytes) });
  const header = await bytesOf(zip.blob, entry.headerOffset, entry.headerOffset + 30);
  const view = new DataView(header.buffer);
  if (header.length < 30 || u32(view, 0) !== 0x04034b50) refuse({ problem: 'zip-damaged', field });
  const nameLength = u16(view, 26);
  const start = entry.headerOffset + 30 + nameLength + u16(view, 28);
  if (start + entry.compressedSize > zip.end) refuse({ problem: 'zip-truncated', field });
  const localName = await bytesOf(zip.blob, entry.headerOffset + 30, entry.headerOffset + 30 + nameLength);
  if (new TextDecoder().decode(localName) !== entry.name) refuse({ problem: 'zip-damaged', field });
  const data = await bytesOf(zip.blob, start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length !== entry.size) refuse({ problem: 'zip-damaged', field });
    return data;
  }
  const out = new Uint8Array(entry.size);
  let filled = 0;
  const inflate = new Inflate((chunk) => {
    if (filled + chunk.length > out.length) refuse({ problem: 'zip-damaged', field });
    out.set(chunk, filled);
    filled += chunk.length;
  });
  try {
    inflate.push(data, true);
  } catch (error) {
    if (error instanceof SessionRefused) throw error;
    refuse({ problem: 'zip-damaged', field });
  }
  if (filled !== out.length) refuse({ problem: 'zip-damaged', field });
  return out;
}
