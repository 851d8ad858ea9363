import { describe, expect, it } from 'vitest';
import { BOX_MARGIN, createReader, grownBox, sortLines, type OrtModule, type OrtTensor } from './engine';
import { REC_MIN_WIDTH, stripWidth } from './rectify';
import type { Quad } from '@/lib/quad';

const box = (x: number, y: number, w = 40, h = 20): { quad: Quad; name: string } => ({
  name: `${x},${y}`,
  quad: { x1: x, y1: y, x2: x + w, y2: y, x3: x + w, y3: y + h, x4: x, y4: y + h },
});

describe('sortLines', () => {
  it('orders rows top to bottom and, within a row, left to right even when a box sits a little higher', () => {
    const lines = [box(300, 100), box(10, 104), box(150, 98), box(10, 10), box(10, 200)];
    expect(sortLines(lines).map((l) => l.name)).toEqual(['10,10', '10,104', '150,98', '300,100', '10,200']);
  });
});

/**
 * A fake onnxruntime: the detector sees one text block; the recogniser answers, for each strip of a batch,
 * the last digit of how many columns it holds before its padding (keys '0'…'9'), at step 2 of 10.
 */
function fakeOrt(calls: string[]): OrtModule {
  class Tensor implements OrtTensor {
    constructor(
      readonly type: 'float32',
      readonly data: Float32Array,
      readonly dims: readonly number[],
    ) {}
  }
  const session = (name: string) => ({
    inputNames: ['x'],
    outputNames: ['y'],
    run(feeds: Record<string, OrtTensor>) {
      const [n, , h, w] = feeds.x.dims;
      calls.push(name === 'det' ? `det ${h}x${w}` : `rec ${n}x${h}x${w}`);
      if (name === 'det') {
        const map = new Float32Array(h * w);
        for (let y = 10; y < 20; y++) for (let x = 8; x < 40; x++) map[y * w + x] = 0.9;
        return Promise.resolve({ y: new Tensor('float32', map, [1, 1, h, w]) });
      }
      const input = feeds.x.data as Float32Array;
      const classes = 11;
      const out = new Float32Array(n * 10 * classes);
      for (let i = 0; i < n; i++) {
        let columns = 0;
        while (columns < w && input[i * 3 * h * w + columns] !== 0) columns++;
        for (let t = 0; t < 10; t++) out[(i * 10 + t) * classes + (t === 2 ? 1 + (columns % 10) : 0)] = 1;
      }
      return Promise.resolve({ y: new Tensor('float32', out, [n, 10, classes]) });
    },
  });
  let n = 0;
  return {
    InferenceSession: { create: () => Promise.resolve(session(n++ === 0 ? 'det' : 'rec')) },
    Tensor,
  };
}

const DIGITS = '0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n';

describe('createReader', () => {
  it('runs detection, then recognition per region, and gives character positions along the content, not the padding', async () => {
    const calls: string[] = [];
    const reader = await createReader({ det: new Uint8Array(), rec: new Uint8Array(), keys: DIGITS }, fakeOrt(calls));
    const pixels = { data: new Uint8ClampedArray(64 * 32 * 4).fill(255), width: 64, height: 32 };
    const [line, ...rest] = await Promise.all([reader.read(pixels), reader.read(pixels)]).then(([a]) => a);
    expect(rest).toEqual([]);
    const rec = `rec 1x48x${Math.max(REC_MIN_WIDTH, stripWidth(line.quad))}`;
    expect(calls).toEqual(['det 32x64', rec, 'det 32x64', rec]);
    expect(line.text).toBe(String(stripWidth(line.quad) % 10));
    expect(line.quad.x1).toBeLessThan(8);
    const width = stripWidth(line.quad);
    expect(line.charPositions[0]).toBeCloseTo((0.25 * Math.max(REC_MIN_WIDTH, width)) / width, 6);
  });

  it('recognises boxes of similar width in one call when asked to, each box given its own text in order', async () => {
    const calls: string[] = [];
    const models = { det: new Uint8Array(), rec: new Uint8Array(), keys: DIGITS };
    const reader = await createReader(models, fakeOrt(calls), { recBatchMax: 8 });
    const pixels = { data: new Uint8ClampedArray(400 * 80 * 4).fill(255), width: 400, height: 80 };
    const boxes = [
      box(10, 10, 150, 20),
      box(10, 40, 60, 20),
      box(200, 10, 0, 0),
      box(200, 40, 160, 20),
      box(100, 60, 64, 20),
    ];
    const texts = await reader.recognise(
      pixels,
      boxes.map((b) => b.quad),
    );
    const expected = boxes.map((b, i) =>
      i === 2 ? '' : String(Math.max(REC_MIN_WIDTH, stripWidth(grownBox(b.quad, BOX_MARGIN))) % 10),
    );
    expect(texts.map((t) => t.text)).toEqual(expected);
    expect(texts[2].conf).toBe(0);
    expect(calls).toEqual([expect.stringMatching(/^rec 2x48x/), expect.stringMatching(/^rec 2x48x/)]);
    await reader.dispose();
  });

  /** A fake ort whose sessions are ready a task later, as a real session's compile is; counts what it made. */
  function slowOrt() {
    const ort = fakeOrt([]);
    const fake = ort.InferenceSession;
    const counts = { made: 0, madeWhenFirstReady: 0 };
    ort.InferenceSession = {
      create: (model) => {
        counts.made += 1;
        return new Promise((resolve) =>
          setTimeout(() => {
            counts.madeWhenFirstReady ||= counts.made;
            resolve(fake.create(model));
          }),
        );
      },
    };
    return { ort, counts };
  }

  it('starts making both sessions before either is ready, and makes none when it reads', async () => {
    const { ort, counts } = slowOrt();
    const reader = await createReader({ det: new Uint8Array(), rec: new Uint8Array(), keys: DIGITS }, ort);
    expect(counts.madeWhenFirstReady).toBe(2);
    const pixels = { data: new Uint8ClampedArray(64 * 32 * 4).fill(255), width: 64, height: 32 };
    await reader.read(pixels);
    await reader.read(pixels);
    expect(counts.made).toBe(2);
  });

  it.each([true, false])(
    'releases the session it made when the other cannot be made (side by side: %s)',
    async (parallel) => {
      const released: string[] = [];
      const made = (name: string) => ({
        inputNames: ['x'],
        outputNames: ['y'],
        run: () => Promise.reject(new Error('not run')),
        release: () => Promise.resolve(void released.push(name)),
      });
      const ort = fakeOrt([]);
      ort.InferenceSession = {
        create: (model) =>
          model.length === 1 ? Promise.resolve(made('det')) : Promise.reject(new Error('out of memory')),
      };
      const models = { det: new Uint8Array(1), rec: new Uint8Array(2), keys: DIGITS };
      await expect(createReader(models, ort, { parallelSessions: parallel })).rejects.toThrow('out of memory');
      expect(released).toEqual(['det']);
    },
  );

  it('makes one session at a time when told to, as onnxruntime-web on WebGPU requires', async () => {
    const { ort, counts } = slowOrt();
    const models = { det: new Uint8Array(), rec: new Uint8Array(), keys: DIGITS };
    await createReader(models, ort, { parallelSessions: false });
    expect(counts).toEqual({ made: 2, madeWhenFirstReady: 1 });
  });

  it('answers nothing for an empty image and refuses pixels of the wrong length', async () => {
    const calls: string[] = [];
    const reader = await createReader({ det: new Uint8Array(), rec: new Uint8Array(), keys: '5\n' }, fakeOrt(calls));
    expect(await reader.read({ data: new Uint8ClampedArray(0), width: 0, height: 0 })).toEqual([]);
    await expect(reader.read({ data: new Uint8ClampedArray(3), width: 1, height: 1 })).rejects.toThrow(/RGBA/);
    expect(calls).toEqual([]);
    await reader.dispose();
  });
});
