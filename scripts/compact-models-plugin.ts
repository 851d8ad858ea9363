// `import url, { bytes } from '@ocr-models/ch_PP-OCRv4_det_infer.onnx?compact'`: the model with its
// float32 weights stored as float16 (src/reader/compact-model.ts), about half the download, as a hashed
// asset of its own (ch_PP-OCRv4_det_infer.f16-<hash>.onnx under /assets/), and its size in bytes for the
// reader's progress bar. The reader expands it again before it creates a session.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compactModel } from '../src/reader/compact-model.ts';

export const COMPACT_QUERY = '?compact';
const PREFIX = '\0compact-model:';
/** Where the compact files are written, for Vite's own `?url` to serve in dev and hash into a build. */
export const COMPACT_DIR = resolve(import.meta.dirname, '../node_modules/.cache/cardlens-compact-models');

/** The compact file for `model` (written only when its content changes), and its size. */
export async function writeCompact(model: string, dir = COMPACT_DIR): Promise<{ file: string; bytes: number }> {
  const compact = compactModel(new Uint8Array(await readFile(model)));
  const file = join(dir, basename(model).replace(/\.onnx$/, '') + '.f16.onnx');
  const current = await readFile(file).catch(() => null);
  if (!current?.equals(compact)) {
    await mkdir(dir, { recursive: true });
    // Two builds at once (the app and a bench) each write whole files: a rename never shows half of one.
    const part = `${file}.${process.pid}.part`;
    await writeFile(part, compact);
    await rename(part, file);
  }
  return { file, bytes: compact.length };
}

/** Used in the app's build and its workers' (vite.config.ts), and in the reader anchor bench's. */
export function compactModels(dir = COMPACT_DIR): Plugin {
  return {
    name: 'cardlens-compact-models',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!source.endsWith('.onnx' + COMPACT_QUERY)) return null;
      const model = await this.resolve(source.slice(0, -COMPACT_QUERY.length), importer, { skipSelf: true });
      if (!model) return null;
      return PREFIX + model.id;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const model = id.slice(PREFIX.length);
      this.addWatchFile(model);
      const { file, bytes } = await writeCompact(model, dir);
      return `export { default } from ${JSON.stringify(file + '?url')};\nexport const bytes = ${bytes};\n`;
    },
  };
}
