import { describe, expect, it } from 'vitest';
import { sampleImage } from '@/test-support/sandbox-fixture';
import type { CreditCardResult } from '@/api/types';
import type { Pixels, Reader, ReadLine } from '@/reader';
import { deviceReaderWith, readCardWith, readSize, readableSize, type Decoded } from './device-reader';

// readCardWith joins a reader and a decoder: here both are fakes, so only the joining is tested.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A line at (x, y) in the decoded image, `unit` px a character and 2 units high. */
function line(text: string, x: number, y: number, unit: number): ReadLine {
  const w = text.length * unit;
  return {
    text,
    conf: 0.9,
    quad: { x1: x, y1: y, x2: x + w, y2: y, x3: x + w, y3: y + 2 * unit, x4: x, y4: y + 2 * unit },
    charPositions: [...text].map((_, i) => (i + 0.5) / text.length),
  };
}

const pixels = (width: number, height: number): Pixels => ({ data: new Uint8ClampedArray(4), width, height });
const decoded = (width: number, height: number, scale = 1): Decoded => ({
  pixels: pixels(Math.round(width * scale), Math.round(height * scale)),
  scale,
  width,
  height,
});
const readerOf = (read: Reader['read'], recognise: Reader['recognise'] = () => Promise.resolve([])): Reader => ({
  read,
  recognise,
  dispose: () => Promise.resolve(),
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('readCardWith', () => {
  it('answers an image that cannot be decoded as nothing read, saying so, rather than throwing', async () => {
    const readCard = readCardWith(
      () => Promise.resolve(readerOf(() => Promise.resolve([]))),
      () => Promise.reject(new Error('invalid PNG signature')),
    );
    const read = await readCard(PNG, 'credit-card');
    expect(read).toEqual({
      kind: 'nothing',
      lookedFor: expect.stringMatching(/could not be decoded for reading.*invalid PNG signature/) as string,
      cardLike: null,
    });
  });

  it('answers a reader that fails mid-read (out of memory, a runtime error) as unavailable, rather than throwing', async () => {
    const readCard = readCardWith(
      () => Promise.resolve(readerOf(() => Promise.reject(new RangeError('Array buffer allocation failed')))),
      () => Promise.resolve(decoded(1000, 630)),
    );
    const read = await readCard(PNG, 'id-card');
    expect(read).toEqual({
      kind: 'unavailable',
      why: expect.stringContaining('Array buffer allocation failed') as string,
    });
  });

  it('decodes and reads one image at a time, so two large photos are never in memory together', async () => {
    let busy = 0;
    let most = 0;
    const enter = async () => {
      most = Math.max(most, ++busy);
      await tick();
    };
    const readCard = readCardWith(
      () => Promise.resolve(readerOf(() => tick().then(() => (busy--, [])))),
      () => enter().then(() => decoded(1000, 630)),
    );
    const reads = await Promise.all([
      readCard(PNG, 'credit-card'),
      readCard(PNG, 'credit-card'),
      readCard(PNG, 'id-card'),
    ]);
    expect(reads.map((r) => r.kind)).toEqual(['nothing', 'nothing', 'nothing']);
    expect(most).toBe(1);
  });

  it('gives boxes in the original image pixels when the decode reduced a large photo', async () => {
    // An 8000 × 5040 photo decoded at half size: the reader sees 4000 × 2520 and answers in that space.
    const lines = [line('4111 1111 1111 1111', 400, 1000, 80), line('VALID THRU 12/30', 400, 1400, 60)];
    const readCard = readCardWith(
      () => Promise.resolve(readerOf(() => Promise.resolve(lines))),
      () => Promise.resolve(decoded(8000, 5040, 0.5)),
    );
    const read = await readCard(PNG, 'credit-card');
    expect(read.kind).toBe('read');
    if (read.kind !== 'read') return;
    const result = read.result as CreditCardResult;
    expect(result.totalCardNum).toBe('4111111111111111');
    const first = result.cardNumBoxes[0];
    expect(first.x1).toBeCloseTo(800, 0);
    expect(first.y1).toBeCloseTo(2000, 0);
    expect(first.y4).toBeCloseTo(2320, 0);
    expect(result.resolution).toBe('normal');
  });

  it.each([
    ['credit-card', PNG, 'png', [line('4111 1111 1111 1111', 30, 100, 20)]],
    ['id-card', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'jpg', [line('900101-1234568', 30, 100, 20)]],
  ] as const)('answers a %s read with the file type of its bytes', async (service, image, fileType, lines) => {
    const readCard = readCardWith(
      () => Promise.resolve(readerOf(() => Promise.resolve([...lines]))),
      () => Promise.resolve(decoded(700, 440)),
    );
    const read = await readCard(image, service);
    expect(read.kind === 'read' && read.result).toMatchObject({ fileType, resolution: 'low' });
  });

  it('tells the parser the original size, so a large photo decoded small is not called low resolution', async () => {
    // 8000 × 5040 decoded at 0.08 is 640 × 403, below 760 × 480: the photo itself is not.
    const lines = [line('4111 1111 1111 1111', 30, 100, 12)];
    const readCard = readCardWith(
      () => Promise.resolve(readerOf(() => Promise.resolve(lines))),
      () => Promise.resolve(decoded(8000, 5040, 0.08)),
    );
    const read = await readCard(PNG, 'credit-card');
    expect(read.kind === 'read' && read.result.resolution).toBe('normal');
  });
});

describe('readSize', () => {
  it('caps the longer side at 4096 pixels, keeping the shape', () => {
    expect(readSize(8192, 5000)).toEqual({ scale: 0.5, width: 4096, height: 2500 });
    expect(readSize(3000, 9000)).toMatchObject({ width: 1365, height: 4096 });
    expect(readSize(4096, 100)).toEqual({ scale: 1, width: 4096, height: 100 });
    expect(readSize(1000, 630)).toEqual({ scale: 1, width: 1000, height: 630 });
  });
});

describe('readableSize', () => {
  it('reads the size from the header, turned for EXIF orientations 5–8', () => {
    expect(readableSize(sampleImage('credit-card.png').bytes)).toEqual({ width: 1000, height: 630 });
    expect(readableSize(sampleImage('credit-card-exif6.jpg').bytes)).toEqual({ width: 1000, height: 630 });
    expect(readableSize(new Uint8Array([1, 2, 3]))).toBeNull();
  });

  it('refuses a header over 100 million pixels, so the decompression bomb is never decoded', () => {
    const png = new Uint8Array(sampleImage('credit-card.png').bytes);
    new DataView(png.buffer).setUint32(16, 10_001);
    new DataView(png.buffer).setUint32(20, 10_000);
    expect(() => readableSize(png)).toThrow(/over 100 million pixels/);
  });
});

describe('deviceReaderWith: readBoxes', () => {
  it('recognises given boxes in the decoded image, scaled as the image was, one image at a time with cards', async () => {
    const seen: { boxes: number[][]; width: number }[] = [];
    let reading = 0;
    let most = 0;
    const reader = readerOf(
      async () => {
        most = Math.max(most, ++reading);
        await tick();
        reading--;
        return [];
      },
      async (px, boxes) => {
        most = Math.max(most, ++reading);
        seen.push({ boxes: boxes.map((q) => [q.x1, q.y1, q.x3, q.y3]), width: px.width });
        await tick();
        reading--;
        return boxes.map(() => ({ text: '1111', conf: 0.9 }));
      },
    );
    const device = deviceReaderWith(
      () => Promise.resolve(reader),
      () => Promise.resolve(decoded(8000, 5040, 0.5)),
    );
    const box = { x1: 1000, y1: 2000, x2: 1400, y2: 2000, x3: 1400, y3: 2100, x4: 1000, y4: 2100 };
    const [card, boxes] = await Promise.all([device.readCard(PNG, 'credit-card'), device.readBoxes(PNG, [box])]);
    expect(card.kind).toBe('nothing');
    expect(boxes).toEqual({ kind: 'read', texts: [{ text: '1111', conf: 0.9 }] });
    expect(seen).toEqual([{ boxes: [[500, 1000, 700, 1050]], width: 4000 }]);
    expect(most).toBe(1);
  });

  it('answers a reader that cannot start, or crashes, as unavailable', async () => {
    const none = deviceReaderWith(
      () => Promise.reject(new Error('no WebAssembly')),
      () => Promise.resolve(decoded(10, 10)),
    );
    expect(await none.readBoxes(PNG, [])).toEqual({ kind: 'unavailable', why: 'no WebAssembly' });
    const crashing = deviceReaderWith(
      () =>
        Promise.resolve(
          readerOf(
            () => Promise.resolve([]),
            () => Promise.reject(new RangeError('out of memory')),
          ),
        ),
      () => Promise.resolve(decoded(10, 10)),
    );
    expect(await crashing.readBoxes(PNG, [])).toEqual({
      kind: 'unavailable',
      why: expect.stringContaining('out of memory') as string,
    });
  });
});

describe('deviceReaderWith: loading', () => {
  it('loads the reader once, and afresh after it crashed while reading', async () => {
    let loads = 0;
    let disposed = 0;
    let crash = true;
    const device = deviceReaderWith(
      () => {
        loads++;
        return Promise.resolve({
          read: () => (crash ? Promise.reject(new RangeError('memory access out of bounds')) : Promise.resolve([])),
          recognise: () => Promise.resolve([]),
          dispose: () => Promise.resolve(void disposed++),
        });
      },
      () => Promise.resolve(decoded(1000, 630)),
    );
    expect((await device.readCard(PNG, 'credit-card')).kind).toBe('unavailable');
    await tick();
    expect(disposed).toBe(1);
    crash = false;
    expect((await device.readCard(PNG, 'credit-card')).kind).toBe('nothing');
    expect((await device.readCard(PNG, 'credit-card')).kind).toBe('nothing');
    expect(loads).toBe(2);
  });

  it('answers unavailable while the reader fails to load, and tries the load again at the next image', async () => {
    let loads = 0;
    const device = deviceReaderWith(
      () =>
        ++loads < 3 ? Promise.reject(new Error('wasm blocked')) : Promise.resolve(readerOf(() => Promise.resolve([]))),
      () => Promise.resolve(decoded(10, 10)),
    );
    expect(await device.readCard(PNG, 'id-card')).toEqual({ kind: 'unavailable', why: 'wasm blocked' });
    expect(await device.readBoxes(PNG, [])).toEqual({ kind: 'unavailable', why: 'wasm blocked' });
    expect((await device.readCard(PNG, 'id-card')).kind).toBe('nothing');
    expect(loads).toBe(3);
  });
});

describe('deviceReaderWith: warming up', () => {
  it('loads the reader before any image comes, once, and the reads after it load nothing more', async () => {
    let loads = 0;
    const device = deviceReaderWith(
      () => {
        loads++;
        return Promise.resolve(readerOf(() => Promise.resolve([])));
      },
      () => Promise.resolve(decoded(1000, 630)),
    );
    const [first, second] = await Promise.all([device.warm(), device.warm()]);
    expect(first).toEqual({ kind: 'ready' });
    expect(second).toEqual({ kind: 'ready' });
    expect(loads).toBe(1);
    await device.readCard(PNG, 'credit-card');
    await device.readBoxes(PNG, []);
    expect(loads).toBe(1);
  });

  it('answers unavailable, saying why, when the reader cannot load, and the next image tries again', async () => {
    let loads = 0;
    const device = deviceReaderWith(
      () =>
        ++loads < 2 ? Promise.reject(new Error('wasm blocked')) : Promise.resolve(readerOf(() => Promise.resolve([]))),
      () => Promise.resolve(decoded(10, 10)),
    );
    expect(await device.warm()).toEqual({ kind: 'unavailable', why: 'wasm blocked' });
    expect((await device.readCard(PNG, 'id-card')).kind).toBe('nothing');
    expect(loads).toBe(2);
  });
});
