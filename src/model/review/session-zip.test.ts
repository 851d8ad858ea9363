import { Zip, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CreditCardResult } from '@/api';
import { sha256Hex } from '@/lib/hex';
import { sample } from '@/test-support/sandbox-fixture';
import { buildSession } from './session';
import { exportSessionFile, ImageChanged, type ExportedCard } from './session-export';
import { openSessionFiles, withChosenImages } from './session-import';
import { imageEntryName, readZipDirectory, readZipEntry } from './session-zip';

const result = sample('credit-card.png').result as CreditCardResult;
const outcome = {
  kind: 'credit-card' as const,
  result,
  timings: { prepareMs: 1, encryptMs: 1, requestMs: 1, decryptMs: 1, totalMs: 4 },
  keyVersion: '0',
};

/** An "image" of `size` bytes that differs by `seed`; only its hash matters to a session. */
const bytesOf = (seed: number, size = 2000) => Uint8Array.from({ length: size }, (_, i) => (i * 31 + seed * 7) % 251);

async function cardOf(seed: number, file: string, reads: string[] = []): Promise<ExportedCard> {
  const bytes = bytesOf(seed);
  const sha256 = await sha256Hex(bytes);
  return {
    file,
    name: `image-${sha256.slice(0, 12)}`,
    sha256,
    bytes: bytes.length,
    format: 'png',
    outcome,
    review: { sha256, fields: { 'cardNums.0': { verdict: 'correct', key: 'cardNum', conf: 0.9, at: 5 } } },
    read: () => {
      reads.push(file);
      return Promise.resolve(bytes);
    },
  };
}

/** Reads an image as preflight would for pairing: its hash, and what it was called. */
const reader = async (file: File) => ({
  sha256: await sha256Hex(new Uint8Array(await file.arrayBuffer())),
  name: file.name,
  type: file.type,
});

const asFile = (data: Blob | Uint8Array, name = 'cardlens-session.zip') =>
  new File([data as BlobPart], name, { type: name.endsWith('.zip') ? 'application/zip' : '' });

const open = (data: Blob | Uint8Array, name?: string) => openSessionFiles([asFile(data, name)], reader);

/** A session's JSON naming the cards, as a ZIP of `entries` around it would carry it. */
function sessionJson(cards: ExportedCard[]) {
  return new TextEncoder().encode(buildSession(cards, false));
}

/** Rewrites one central-directory record of a ZIP, found by its entry's name. */
function patchDirectory(zip: Uint8Array, name: string, patch: (view: DataView, at: number) => void): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const encoded = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < copy.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== encoded.length) continue;
    if (encoded.every((b, i) => copy[at + 46 + i] === b)) {
      patch(view, at);
      return copy;
    }
  }
  throw new Error(`no directory record for ${name}`);
}

describe('a session as one ZIP', () => {
  it('round-trips: its JSON, each image by its hash and type, its reviews, in the session order', async () => {
    const cards = [await cardOf(1, '김철수 카드.png'), await cardOf(2, '../a/b.png')];
    const { blob, name } = await exportSessionFile(cards, false);
    expect(name).toBe('cardlens-session.zip');
    const zip = await readZipDirectory(blob);
    expect(zip.entries.map((e) => [e.name, e.method])).toEqual([
      ['session.json', 8],
      [imageEntryName(cards[0].sha256, 'png'), 0],
      [imageEntryName(cards[1].sha256, 'png'), 0],
    ]);

    const opened = await open(blob);
    expect(opened.missing).toEqual([]);
    expect(opened.leftOut).toBe(0);
    expect(opened.session.redacted).toBe(false);
    expect(opened.images.map((i) => [i.file.name, i.checked.type, i.card.sha256, i.card.review?.sha256])).toEqual([
      ['김철수 카드.png', 'image/png', cards[0].sha256, cards[0].sha256],
      ['../a/b.png', 'image/png', cards[1].sha256, cards[1].sha256],
    ]);
    expect(opened.images[0].card.result).toEqual(result);
  });

  it('holds an image sent twice once, and opens again', async () => {
    const twice = await cardOf(1, 'a.png');
    const cards = [twice, await cardOf(2, 'b.png'), { ...twice, file: 'a again.png' }];
    const { blob } = await exportSessionFile(cards, false);
    const zip = await readZipDirectory(blob);
    expect(zip.entries.map((e) => e.name)).toEqual([
      'session.json',
      imageEntryName(cards[0].sha256, 'png'),
      imageEntryName(cards[1].sha256, 'png'),
    ]);
    const opened = await open(blob);
    expect(opened.images.map((i) => i.file.name)).toEqual(['a.png', 'b.png']);
  });

  it('is redacted as a JSON alone: no image is read, no file name written', async () => {
    const reads: string[] = [];
    const { blob, name } = await exportSessionFile([await cardOf(1, '김철수 카드.png', reads)], true);
    expect(name).toBe('cardlens-session-redacted.json');
    expect(blob.type).toBe('application/json');
    const text = await blob.text();
    expect(JSON.parse(text)).toMatchObject({ kind: 'cardlens-session', redacted: true });
    expect(text).not.toContain('김철수');
    expect(reads).toEqual([]);
  });

  it('is not written from an image that changed since it was read', async () => {
    const card = await cardOf(1, 'moved.png');
    await expect(exportSessionFile([{ ...card, read: () => Promise.resolve(bytesOf(9)) }], false)).rejects.toEqual(
      new ImageChanged('moved.png'),
    );
    const gone = { ...card, read: () => Promise.reject(new Error('NotReadableError')) };
    await expect(exportSessionFile([gone], false)).rejects.toBeInstanceOf(ImageChanged);
  });

  it('leaves out files that are not part of it, and names the cards whose image it lacks', async () => {
    const [a, b] = [await cardOf(1, 'a.png'), await cardOf(2, 'b.png')];
    const zip = zipSync({
      'session.json': sessionJson([a, b]),
      'images/': new Uint8Array(),
      [imageEntryName(a.sha256, 'png')]: bytesOf(1),
      'notes.txt': new TextEncoder().encode('hello'),
      [`images/${'0'.repeat(64)}.png`]: bytesOf(3),
    });
    const opened = await open(zip);
    expect(opened.leftOut).toBe(2);
    expect(opened.images.map((i) => i.card.file)).toEqual(['a.png']);
    expect(opened.missing.map((c) => c.file)).toEqual(['b.png']);

    // The missing one chosen afterwards joins the rest, in the session's order.
    const filled = await withChosenImages(opened, [asFile(bytesOf(7), 'x.png'), asFile(bytesOf(2), 'b.png')], reader);
    expect(filled.missing).toEqual([]);
    expect(filled.images.map((i) => i.card.file)).toEqual(['a.png', 'b.png']);
  });

  it('opened from its JSON alone names every card as missing, instead of importing nothing in silence', async () => {
    const cards = [await cardOf(1, 'a.png'), await cardOf(2, 'b.png')];
    const opened = await openSessionFiles([asFile(sessionJson(cards), 'session.json')], reader);
    expect(opened.images).toEqual([]);
    expect(opened.missing.map((c) => c.file)).toEqual(['a.png', 'b.png']);
  });
});

describe('a ZIP that is not a session, or not a safe one', () => {
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: { refusal?: unknown; message?: string }) => error.refusal ?? error.message,
    );

  it('is refused when it is not a ZIP, holds no session.json, or holds a JSON that is no session', async () => {
    expect(await refusal(open(bytesOf(1), 'photo.zip'))).toEqual({ problem: 'zip-unreadable' });
    expect(await refusal(open(new Uint8Array(), 'empty.zip'))).toEqual({ problem: 'zip-unreadable' });
    expect(await refusal(open(zipSync({ 'a.png': bytesOf(1) })))).toEqual({ problem: 'zip-no-session' });
    const notSession = zipSync({ 'session.json': new TextEncoder().encode('{"kind":"other"}') });
    expect(await refusal(open(notSession))).toMatchObject({ problem: 'not-session' });
  });

  it('is refused, with a message that says so, when it was cut short', async () => {
    const card = await cardOf(1, 'a.png');
    const { blob } = await exportSessionFile([card], false);
    const whole = new Uint8Array(await blob.arrayBuffer());
    const error = await open(whole.slice(0, whole.length - 30)).catch((e: Error) => e);
    expect(error).toMatchObject({ refusal: { problem: 'zip-unreadable' } });
    expect((error as Error).message).toBe('the file is not a ZIP archive Cardlens can read, or it was cut short');

    // A directory that says an entry's data runs past where the directory starts.
    const entry = imageEntryName(card.sha256, 'png');
    const longer = patchDirectory(whole, entry, (view, at) => view.setUint32(at + 20, 1_000_000, true));
    expect(await refusal(open(longer))).toEqual({ problem: 'zip-truncated', field: entry });
  });

  it.each([
    ['../evil.json'],
    ['images/../../evil.png'],
    ['/etc/passwd'],
    ['C:/Windows/evil.dll'],
    ['images\\..\\evil.png'],
    ['images//x.png'],
    ['./session.json'],
    ['a\u0000b'],
  ])('is refused whole when an entry is named %j, a path that leads outside it', async (name) => {
    const zip = zipSync({ 'session.json': sessionJson([]), [name]: bytesOf(1) });
    expect(await refusal(open(zip))).toEqual({ problem: 'zip-bad-name', field: JSON.stringify(name) });
  });

  it('is refused when it holds the same name twice', async () => {
    const parts: Uint8Array[] = [];
    const zip = new Zip((_, chunk) => parts.push(chunk));
    for (const name of ['session.json', 'session.json']) {
      const entry = new ZipPassThrough(name);
      zip.add(entry);
      entry.push(sessionJson([]), true);
    }
    zip.end();
    expect(await refusal(open(new Blob(parts as BlobPart[])))).toEqual({
      problem: 'zip-duplicate',
      field: 'session.json',
    });
  });

  it('refuses a JSON that declares more than a session can be, before inflating a byte of it', async () => {
    const bomb = zipSync({ 'session.json': new Uint8Array(11 * 1024 * 1024).fill(0x20) }, { level: 9 });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(open(bomb))).toEqual({ problem: 'zip-entry-too-large', field: 'session.json', limit: '10' });
  });

  it('refuses an entry that inflates past the size it declares, and stops there', async () => {
    const card = await cardOf(1, 'a.png');
    const entry = imageEntryName(card.sha256, 'png');
    const zip = zipSync({ 'session.json': sessionJson([card]), [entry]: new Uint8Array(5_000_000) });
    const lying = patchDirectory(zip, entry, (view, at) => view.setUint32(at + 24, 2000, true));
    const directory = await readZipDirectory(asFile(lying));
    const found = directory.entries.find((e) => e.name === entry)!;
    expect(found.size).toBe(2000);
    await expect(readZipEntry(directory, found, 20 * 1024 * 1024)).rejects.toMatchObject({
      refusal: { problem: 'zip-damaged', field: entry },
    });
    // And as a session: the card's image declared at its own size is read, and refused.
    expect(await refusal(open(lying))).toEqual({ problem: 'zip-damaged', field: entry });
  });

  it('refuses an image that declares more than the service takes, before inflating it', async () => {
    const card = await cardOf(1, 'a.png');
    const entry = imageEntryName(card.sha256, 'png');
    const zip = zipSync({ 'session.json': sessionJson([]), [entry]: bytesOf(1) });
    const huge = patchDirectory(zip, entry, (view, at) => view.setUint32(at + 24, 30 * 1024 * 1024, true));
    const directory = await readZipDirectory(asFile(huge));
    await expect(readZipEntry(directory, directory.entries[1], 20 * 1024 * 1024)).rejects.toMatchObject({
      refusal: { problem: 'zip-entry-too-large', field: entry, limit: '20' },
    });
  });

  it('refuses an encrypted entry, or one packed in a way it does not write', async () => {
    const zip = zipSync({ 'session.json': sessionJson([]) });
    const encrypted = patchDirectory(zip, 'session.json', (view, at) => view.setUint16(at + 8, 1, true));
    expect(await refusal(open(encrypted))).toEqual({ problem: 'zip-method', field: 'session.json' });
    const bzip2 = patchDirectory(zip, 'session.json', (view, at) => view.setUint16(at + 10, 12, true));
    expect(await refusal(open(bzip2))).toEqual({ problem: 'zip-method', field: 'session.json' });
  });

  it('refuses an entry whose own header names another file than the directory does', async () => {
    const zip = zipSync({ 'session.json': sessionJson([]) });
    const renamed = patchDirectory(zip, 'session.json', () => undefined);
    // The local header comes first: its name starts at byte 30.
    renamed[30] = 'S'.charCodeAt(0);
    expect(await refusal(open(renamed))).toEqual({ problem: 'zip-damaged', field: 'session.json' });
  });
});
