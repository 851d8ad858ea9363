import { describe, expect, it } from 'vitest';
import type { ImageMeta } from '@/images/image-meta';
import { createPictures } from './pictures';

const image = (sha256: string) => ({ sha256, width: 100, height: 60, orientation: 1 }) as unknown as ImageMeta;
const card = (id: string) => ({ id, file: new Blob([id]), image: image(`sha-${id}`) });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Decodes that finish when the test says so; each bitmap knows whether it was closed. */
function fakeDecoding() {
  const decodes: { file: Blob; finish: () => void; fail: () => void; closed: boolean }[] = [];
  const code = () =>
    Promise.resolve({
      decode: (file: Blob) =>
        new Promise<ImageBitmap>((resolve, reject) => {
          const entry = {
            file,
            closed: false,
            finish: () => resolve({ close: () => (entry.closed = true), width: 100, height: 60 }),
            fail: () => reject(new Error('corrupt')),
          };
          decodes.push(entry);
        }),
      natural: () => ({ width: 100, height: 60 }),
    });
  return { code, decodes };
}

describe('pictures', () => {
  it('decodes one card at a time, skipping the cards stepped past before their turn', async () => {
    const { code, decodes } = fakeDecoding();
    const pictures = createPictures(
      code,
      () => undefined,
      (task) => task(),
    );
    pictures.show(card('a'), false);
    await settle();
    for (const id of ['b', 'c', 'd']) pictures.show(card(id), false);
    await settle();
    expect(decodes).toHaveLength(1); // a's, already under way
    decodes[0].finish();
    await settle();
    expect(decodes).toHaveLength(2); // b and c were left before their turn: d is next
    expect(await decodes[1].file.text()).toBe('d');
    expect(decodes[0].closed).toBe(true);
    decodes[1].finish();
    await settle();
    expect(pictures.current()).toMatchObject({ id: 'd', status: 'ready' });
  });

  it('decodes a card again after its decode failed, instead of keeping the failure', async () => {
    const { code, decodes } = fakeDecoding();
    const pictures = createPictures(
      code,
      () => undefined,
      (task) => task(),
    );
    const a = card('a');
    pictures.show(a, false);
    await settle();
    decodes[0].fail();
    await settle();
    expect(pictures.current()).toMatchObject({ id: 'a', status: 'failed' });
    const again = pictures.decodeFor(a.id, a.file, a.image);
    await settle();
    expect(decodes).toHaveLength(2);
    decodes[1].finish();
    await expect(again).resolves.toMatchObject({ width: 100 });
  });
});
