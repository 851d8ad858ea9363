import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, type Worker } from 'tesseract.js';

// An OCR engine that is not ours (Tesseract, from npm, with its English model from npm too), so
// that "the digits cannot be read" is judged by a reader the app's own code cannot influence.
const require = createRequire(import.meta.url);
const LANG_PATH = join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0');

let worker: Promise<Worker> | null = null;

function digitReader(): Promise<Worker> {
  worker ??= createWorker('eng', 1, {
    langPath: LANG_PATH,
    cachePath: join('test-results', 'tesseract-cache'),
    gzip: true,
  }).then(async (w) => {
    await w.setParameters({ tessedit_char_whitelist: '0123456789/' });
    return w;
  });
  return worker;
}

/** Every digit Tesseract reads in the picture, in reading order, with nothing between them. */
export async function digitsIn(png: Buffer): Promise<string> {
  const { data } = await (await digitReader()).recognize(png);
  return data.text.replace(/[^0-9]/g, '');
}

export async function closeReader(): Promise<void> {
  if (worker) await (await worker).terminate();
  worker = null;
}
