import { expect, it, vi } from 'vitest';
import { DISPUTED_CONF, readHangulBoxes } from './index';
import type { HangulRecogniser } from './types';

const pixels = { data: new Uint8ClampedArray(200 * 60 * 4).fill(255), width: 200, height: 60 };
const box = (x1: number, y1: number, x2: number, y2: number) => ({
  x1,
  y1,
  x2: x2,
  y2: y1,
  x3: x2,
  y3: y2,
  x4: x1,
  y4: y2,
});

it('answers a box with no area, or no finite size, as nothing read, and reads the others', async () => {
  const recognise = vi.fn((images: Uint8Array[]) => Promise.resolve(images.map(() => ({ text: '홍길동', conf: 0.9 }))));
  const recogniser = () => Promise.resolve({ recognise, dispose: () => Promise.resolve() } as HangulRecogniser);
  const texts = await readHangulBoxes(
    pixels,
    [box(10, 10, 10, 40), box(10, 10, 150, 40), box(0, 0, Number.POSITIVE_INFINITY, 40)],
    recogniser,
  );
  expect(texts).toEqual([
    { text: '', conf: 0 },
    { text: '홍길동', conf: 0.9 },
    { text: '', conf: 0 },
  ]);
  expect(recognise).toHaveBeenCalledOnce();
  expect(recognise.mock.calls[0][0]).toHaveLength(1);
});

it('never loads the recogniser when no box can be read', async () => {
  const recogniser = vi.fn();
  expect(await readHangulBoxes(pixels, [box(5, 5, 5, 5)], recogniser)).toEqual([{ text: '', conf: 0 }]);
  expect(recogniser).not.toHaveBeenCalled();
});

it('reads an unsure line again at twice the size, keeping whichever reading is surer', async () => {
  // What the line's image is: its width from the PGM header, so a reading can depend on the size.
  const widthOf = (pgm: Uint8Array) => Number(new TextDecoder().decode(pgm.subarray(0, 20)).split(/\s+/)[1]);
  const sizes: number[][] = [];
  const recognise = vi.fn((images: Uint8Array[]) => {
    sizes.push(images.map(widthOf));
    return Promise.resolve(
      images.map((image, i) => {
        const magnified = sizes.length > 1;
        if (i === 0 && sizes.length === 1) return { text: '그 고', conf: 0.3 };
        if (magnified) return { text: widthOf(image) > 300 ? '홍길동' : '?', conf: 0.96 };
        return { text: '서울특별시경찰청장', conf: 0.93 };
      }),
    );
  });
  const recogniser = () => Promise.resolve({ recognise, dispose: () => Promise.resolve() } as HangulRecogniser);
  const texts = await readHangulBoxes(pixels, [box(10, 10, 150, 40), box(10, 10, 190, 50)], recogniser);
  // The two readings of the first line differ: the surer one is kept, answered as in doubt.
  expect(texts).toEqual([
    { text: '홍길동', conf: DISPUTED_CONF, disputed: true },
    { text: '서울특별시경찰청장', conf: 0.93 },
  ]);
  // Only the unsure line was read again, and at twice the first image's width.
  expect(sizes[1]).toEqual([2 * sizes[0][0]]);
});

it('cuts a line read as nothing again without growing its box, and only such a line', async () => {
  const widthOf = (pgm: Uint8Array) => Number(new TextDecoder().decode(pgm.subarray(0, 20)).split(/\s+/)[1]);
  const calls: number[][] = [];
  const recognise = vi.fn((images: Uint8Array[]) => {
    calls.push(images.map(widthOf));
    const third = calls.length === 3;
    return Promise.resolve(
      images.map((_, i) =>
        third ? { text: '홍길동', conf: 0.96 } : i === 0 ? { text: '', conf: 0 } : { text: '송성은', conf: 0.5 },
      ),
    );
  });
  const recogniser = () => Promise.resolve({ recognise, dispose: () => Promise.resolve() } as HangulRecogniser);
  const texts = await readHangulBoxes(pixels, [box(10, 10, 150, 40), box(10, 10, 190, 50)], recogniser);
  expect(texts).toEqual([
    { text: '홍길동', conf: 0.96 },
    { text: '송성은', conf: 0.5 },
  ]);
  // Read as they are, then both at twice the size, then only the line read as nothing, at the first size:
  // its box not grown, the strip keeps the line's own proportions and comes out wider for its height.
  expect(calls.map((c) => c.length)).toEqual([2, 2, 1]);
  expect(calls[1][0]).toBe(2 * calls[0][0]);
  expect(calls[2][0]).toBeGreaterThan(calls[0][0]);
});

it('answers a line read as two texts in doubt even when the later reading is the less sure, and reads a confident nothing again', async () => {
  let call = 0;
  const recognise = vi.fn((images: Uint8Array[]) => {
    call++;
    return Promise.resolve(
      images.map((_, i) => {
        if (i === 0) return call === 1 ? { text: '홍길동', conf: 0.79 } : { text: '옹길동', conf: 0.6 };
        return call === 1 ? { text: '', conf: 0.95 } : { text: '김민준', conf: 0.9 };
      }),
    );
  });
  const recogniser = () => Promise.resolve({ recognise, dispose: () => Promise.resolve() } as HangulRecogniser);
  const texts = await readHangulBoxes(pixels, [box(10, 10, 150, 40), box(10, 10, 190, 50)], recogniser);
  expect(texts).toEqual([
    { text: '홍길동', conf: DISPUTED_CONF, disputed: true },
    { text: '김민준', conf: 0.9 },
  ]);
});
