import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IdCardResult } from '@/api/types';
import type { HangulRecogniser, Reader, ReadLine } from '@/reader';
import { deviceReaderWith, HANGUL_STEP_MS, type Decoded } from './device-reader';

// The Hangul step of a device read: which lines reach the Hangul recogniser, and when it is loaded.
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

function line(text: string, conf: number, x: number, y: number, w: number): ReadLine {
  const quad = { x1: x, y1: y, x2: x + w, y2: y, x3: x + w, y3: y + 30, x4: x, y4: y + 30 };
  return {
    text,
    conf,
    quad,
    charPositions: [...text].map((_, i) => (i + 0.5) / text.length),
    ...(conf < 0.5 && { unsure: true }),
  };
}

const decoded = (): Decoded => ({
  pixels: { data: new Uint8ClampedArray(1000 * 630 * 4).fill(255), width: 1000, height: 630 },
  scale: 1,
  width: 1000,
  height: 630,
});

/** A resident card as the Chinese/English recogniser reads it: the name and issuer as nothing, or junk. */
const RESIDENT_CARD = [
  line('', 0, 60, 120, 120),
  line('900101-1234568', 0.99, 60, 170, 260),
  line('2020.1.2.', 0.98, 300, 420, 140),
  line('首尔特别市', 0.3, 240, 470, 260),
];

function readerOf(lines: ReadLine[], seen: { keepUnsure?: boolean }[] = []): Reader {
  return {
    read: (_px, options) => {
      seen.push({ keepUnsure: options?.keepUnsure });
      return Promise.resolve(options?.keepUnsure ? lines : lines.filter((l) => !l.unsure));
    },
    recognise: () => Promise.resolve([]),
    dispose: () => Promise.resolve(),
  };
}

function recogniserOf(texts: string[], asked: number[]): HangulRecogniser {
  return {
    recognise: (images) => {
      asked.push(images.length);
      expect(images.every((i) => new TextDecoder().decode(i.subarray(0, 2)) === 'P5')).toBe(true);
      return Promise.resolve(images.map((_, i) => ({ text: texts[i] ?? '', conf: 0.9 })));
    },
    dispose: () => Promise.resolve(),
  };
}

const keyValues = (read: Awaited<ReturnType<ReturnType<typeof deviceReaderWith>['readCard']>>) =>
  read.kind === 'read' ? (read.result as IdCardResult).keyValues.map((k) => [k.key, k.value]) : [];

afterEach(() => vi.useRealTimers());

describe('deviceReaderWith: Hangul fields', () => {
  it("reads an ID card's name and issuer lines with the Hangul recogniser, which loads at the first ID card", async () => {
    let loads = 0;
    const asked: number[] = [];
    const device = deviceReaderWith(
      () => Promise.resolve(readerOf(RESIDENT_CARD)),
      () => Promise.resolve(decoded()),
      () => (loads++, Promise.resolve(recogniserOf(['홍길동', '서울특별시 종로구청장'], asked))),
    );
    expect((await device.readCard(JPEG, 'credit-card')).kind).toBe('nothing');
    expect(loads).toBe(0);
    const read = await device.readCard(JPEG, 'id-card');
    expect(keyValues(read)).toEqual([
      ['residentNumber', '900101-1234568'],
      ['issueDate', '2020.1.2.'],
      ['name', '홍길동'],
      ['issuer', '서울특별시 종로구청장'],
    ]);
    await device.readCard(JPEG, 'id-card');
    expect(loads).toBe(1);
    expect(asked).toEqual([2, 2]);
  });

  it('keeps the digit fields when the Hangul recogniser cannot load, and tries it again at the next card', async () => {
    let loads = 0;
    const device = deviceReaderWith(
      () => Promise.resolve(readerOf(RESIDENT_CARD)),
      () => Promise.resolve(decoded()),
      () => (++loads === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(recogniserOf(['홍길동'], []))),
    );
    expect(keyValues(await device.readCard(JPEG, 'id-card'))).toEqual([
      ['residentNumber', '900101-1234568'],
      ['issueDate', '2020.1.2.'],
    ]);
    expect(keyValues(await device.readCard(JPEG, 'id-card'))).toContainEqual(['name', '홍길동']);
    expect(loads).toBe(2);
  });

  it('answers the digits when the Hangul recogniser never answers, and does not wait on it again', async () => {
    vi.useFakeTimers();
    let loads = 0;
    const device = deviceReaderWith(
      () => Promise.resolve(readerOf(RESIDENT_CARD)),
      () => Promise.resolve(decoded()),
      () => (loads++, new Promise<HangulRecogniser>(() => {})),
    );
    const first = device.readCard(JPEG, 'id-card');
    await vi.advanceTimersByTimeAsync(HANGUL_STEP_MS);
    const digits = [
      ['residentNumber', '900101-1234568'],
      ['issueDate', '2020.1.2.'],
    ];
    expect(keyValues(await first)).toEqual(digits);
    // The next card, and a credit card behind it, are read at once.
    expect(keyValues(await device.readCard(JPEG, 'id-card'))).toEqual(digits);
    expect(loads).toBe(1);
  });

  it('reads the digits alone, loading nothing for Hangul, for a caller that asks for digits only', async () => {
    let loads = 0;
    const device = deviceReaderWith(
      () => Promise.resolve(readerOf(RESIDENT_CARD)),
      () => Promise.resolve(decoded()),
      () => (loads++, Promise.resolve(recogniserOf(['홍길동'], []))),
    );
    expect(keyValues(await device.readCard(JPEG, 'id-card', { hangul: false }))).toEqual([
      ['residentNumber', '900101-1234568'],
      ['issueDate', '2020.1.2.'],
    ]);
    expect(loads).toBe(0);
  });

  it('never parses an unsure line as digits, and asks for unsure lines only when it can read Hangul', async () => {
    const seen: { keepUnsure?: boolean }[] = [];
    const unsureNumber = [line('900101-1234568', 0.4, 60, 170, 260)];
    const withHangul = deviceReaderWith(
      () => Promise.resolve(readerOf(unsureNumber, seen)),
      () => Promise.resolve(decoded()),
      () => Promise.resolve(recogniserOf([], [])),
    );
    expect((await withHangul.readCard(JPEG, 'id-card')).kind).toBe('nothing');
    expect((await withHangul.readCard(JPEG, 'credit-card')).kind).toBe('nothing');
    const without = deviceReaderWith(
      () => Promise.resolve(readerOf(unsureNumber, seen)),
      () => Promise.resolve(decoded()),
    );
    await without.readCard(JPEG, 'id-card');
    expect(seen).toEqual([{ keepUnsure: true }, { keepUnsure: false }, { keepUnsure: false }]);
  });
});

describe('deviceReaderWith: Hangul boxes', () => {
  const box = (y: number) => ({ x1: 60, y1: y, x2: 300, y2: y, x3: 300, y3: y + 40, x4: 60, y4: y + 40 });

  function digitsReader(asked: number[]): Reader {
    return {
      read: () => Promise.resolve([]),
      recognise: (_px, boxes) => (
        asked.push(boxes.length),
        Promise.resolve(boxes.map(() => ({ text: '1', conf: 0.9 })))
      ),
      dispose: () => Promise.resolve(),
    };
  }

  it('reads the boxes marked Hangul with the Hangul recogniser and the others with the digit one, in order', async () => {
    const [digitBoxes, hangulLines]: number[][] = [[], []];
    let loads = 0;
    const device = deviceReaderWith(
      () => Promise.resolve(digitsReader(digitBoxes)),
      () => Promise.resolve(decoded()),
      () => (loads++, Promise.resolve(recogniserOf(['홍길동', '서울특별시 종로구청장'], hangulLines))),
    );
    expect(await device.readBoxes(JPEG, [box(100), box(200)])).toEqual({
      kind: 'read',
      texts: [
        { text: '1', conf: 0.9 },
        { text: '1', conf: 0.9 },
      ],
    });
    expect(loads).toBe(0);
    const read = await device.readBoxes(JPEG, [box(100), box(200), box(300)], { hangul: [true, false, true] });
    expect(read).toEqual({
      kind: 'read',
      texts: [
        { text: '홍길동', conf: 0.9 },
        { text: '1', conf: 0.9 },
        { text: '서울특별시 종로구청장', conf: 0.9 },
      ],
    });
    expect(digitBoxes).toEqual([2, 1]);
    expect(hangulLines).toEqual([2]);
  });

  it('answers a Hangul box as not read when the Hangul recogniser cannot load, and keeps the digits', async () => {
    const device = deviceReaderWith(
      () => Promise.resolve(digitsReader([])),
      () => Promise.resolve(decoded()),
      () => Promise.reject(new Error('offline')),
    );
    expect(await device.readBoxes(JPEG, [box(100), box(200)], { hangul: [true, false] })).toEqual({
      kind: 'read',
      texts: [
        { text: '', conf: 0 },
        { text: '1', conf: 0.9 },
      ],
    });
  });
});
