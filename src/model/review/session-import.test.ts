import { describe, expect, it } from 'vitest';
import type { CreditCardResult } from '@/api';
import type { ParsedSession, SessionCard } from './session';
import { fileSource, MAX_IMPORT_IMAGE_BYTES, namedImages, readSessionImages as readFrom } from './session-import';

/** The chosen files as sources, as an import of a JSON and its images reads them. */
const readSessionImages = (
  files: File[],
  ...rest: Parameters<typeof readFrom> extends [unknown, ...infer R] ? R : never
) => readFrom(files.map(fileSource), ...rest);

const result = {} as CreditCardResult;
const sha = (c: string) => c.repeat(64);
const card = (c: string, extra: Partial<Pick<SessionCard, 'file' | 'bytes' | 'review'>> = {}): SessionCard => ({
  file: `image-${sha(c).slice(0, 12)}`,
  sha256: sha(c),
  analysis: 'credit-card',
  result,
  ...extra,
});
const reviewOf = (c: string) => ({ sha256: sha(c), fields: {} });
/** A chosen file of `size` bytes whose content hashes to sha(c) in the fake reader below. */
const file = (name: string, size: number, c: string) =>
  Object.assign(new File([new Uint8Array(size)], name), { content: c });

/** Reads files as preflight would, one hash per file, recording the order and how many run at once. */
function fakeReader() {
  const read: string[] = [];
  let running = 0;
  let most = 0;
  const reader = async (f: File) => {
    running++;
    most = Math.max(most, running);
    read.push(f.name);
    await new Promise((resolve) => setTimeout(resolve, 1));
    running--;
    const c = (f as File & { content: string }).content;
    return c === 'broken' ? null : { sha256: sha(c) };
  };
  return { reader, read, most: () => most };
}

describe('images read for a session', () => {
  it('are only those it names, by size, or by file name for a card from before sizes were written', () => {
    const cards = [card('a', { bytes: 300 }), card('b', { file: 'scan.png' })];
    const files = [file('x.png', 300, 'a'), file('scan.png', 10, 'b'), file('other.png', 200, 'c')];
    expect(namedImages(files, cards).map((f) => f.name)).toEqual(['x.png', 'scan.png']);
  });

  it('are read one at a time, and paired with their cards by hash, in the session order', async () => {
    const session: ParsedSession = {
      redacted: true,
      cards: [card('a', { bytes: 300, review: reviewOf('a') }), card('b', { bytes: 400 }), card('d', { bytes: 9 })],
    };
    const { reader, read, most } = fakeReader();
    const files = [
      file('b.png', 400, 'b'),
      file('same size, another image.png', 300, 'z'),
      file('a.png', 300, 'a'),
      file('unnamed.png', 5000, 'c'),
      file('broken.png', 9, 'broken'),
    ];
    const { images, missing } = await readSessionImages(files, session, reader);
    expect(read).toEqual(['b.png', 'same size, another image.png', 'a.png', 'broken.png']);
    expect(most()).toBe(1);
    expect(images.map((i) => [i.file.name, i.card.sha256])).toEqual([
      ['a.png', sha('a')],
      ['b.png', sha('b')],
    ]);
    expect(missing.map((c) => c.sha256)).toEqual([sha('d')]);
  });

  it('are refused, none of them read, when those it names come to more than the limit', async () => {
    const session: ParsedSession = { redacted: false, cards: [card('a', { bytes: 600 }), card('b', { bytes: 500 })] };
    const { reader, read } = fakeReader();
    const files = [file('a.png', 600, 'a'), file('b.png', 500, 'b'), file('big, unnamed.png', 5000, 'c')];
    await expect(readSessionImages(files, session, reader, 1000)).rejects.toMatchObject({
      refusal: { problem: 'images-too-large' },
    });
    expect(read).toEqual([]);
    expect((await readSessionImages(files, session, reader, 1100)).images).toHaveLength(2);
    expect(MAX_IMPORT_IMAGE_BYTES).toBe(2048 * 1024 * 1024);
  });

  it('say the sizes in megabytes when refused', async () => {
    const session: ParsedSession = { redacted: false, cards: [card('a', { bytes: 3 * 1024 * 1024 })] };
    const error = await readSessionImages(
      [file('a.png', 3 * 1024 * 1024, 'a')],
      session,
      fakeReader().reader,
      2 * 1024 * 1024,
    )
      .then(() => null)
      .catch((e: Error) => e);
    expect(error?.message).toBe('the images it names come to 3 MB; an import reads at most 2 MB of images');
  });

  it('name the cards whose image was not among them, reviewed or not, instead of refusing the session', async () => {
    const session: ParsedSession = {
      redacted: false,
      cards: [card('a', { bytes: 300 }), card('b', { bytes: 400, review: reviewOf('b') }), card('c', { bytes: 5 })],
    };
    const { images, missing } = await readSessionImages(
      [file('a.png', 300, 'a'), file('b.png', 400, 'z')],
      session,
      fakeReader().reader,
    );
    expect(images.map((i) => i.card.sha256)).toEqual([sha('a')]);
    expect(missing.map((c) => c.sha256)).toEqual([sha('b'), sha('c')]);
  });
});
