import type { HangulRecogniser, HangulText, TesseractLike } from './types';

/**
 * A HangulRecogniser over a Tesseract.js worker already set to page segmentation mode 7 (one line). Lines
 * are read one at a time, in order: the worker does one job at a time anyway.
 */
export function tesseractRecogniser<Image>(
  worker: TesseractLike<Image>,
  /** The image as this Tesseract.js takes bytes: a Buffer in Node, a Blob in a browser. */
  image: (pgm: Uint8Array) => Image,
): HangulRecogniser {
  return {
    async recognise(lines) {
      const out: HangulText[] = [];
      for (const line of lines) {
        const { data } = await worker.recognize(image(line));
        out.push({ text: data.text.trim(), conf: Math.max(0, Math.min(1, data.confidence / 100)) });
      }
      return out;
    },
    dispose: () => worker.terminate().then(() => undefined),
  };
}
