import { REC_HEIGHT, type RecInput } from './rectify';

/**
 * At most this many strips go to the recogniser in one call. One: on onnxruntime-web's one-thread wasm a
 * card read in batches took 3–6 % longer end to end than a call a strip (`npm run bench -- reader`,
 * variant batchedRecognition), and the padding changed what it read: 30/35 card numbers against 32/35.
 * On onnxruntime-node, one thread, it was no better: 1.06 and 1.03 of the time a card on the two sets of
 * 60, the recogniser's own calls 4 % faster (93 against 97 ms a card), and on the second set again 30/35
 * card numbers and 31/35 expiries against 32/35. A backend with threads or a GPU may choose otherwise,
 * measured the same way.
 */
export const REC_BATCH_MAX = 1;
/**
 * A strip joins a batch while the batch's widest strip is at most this many times its narrowest: every
 * strip is padded to the widest, and the recogniser's time grows with width. On the fixtures 1.3 took
 * 16 % less time than a call a strip, 1.6 took 14 % less, and one call for all the strips of a card 60 % more.
 */
export const REC_BATCH_SPREAD = 1.3;

/** The strips' indices in batches: narrowest first, each batch of similar widths. */
export function planBatches(widths: readonly number[], spread = REC_BATCH_SPREAD, max = REC_BATCH_MAX): number[][] {
  const order = widths.map((_, i) => i).sort((a, b) => widths[a] - widths[b] || a - b);
  const batches: number[][] = [];
  let batch: number[] = [];
  for (const i of order) {
    if (batch.length > 0 && (batch.length >= max || widths[i] > widths[batch[0]] * spread)) {
      batches.push(batch);
      batch = [];
    }
    batch.push(i);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** The strips as one NCHW tensor `width` wide; each is padded on the right with 0, as rectify pads. */
export function packStrips(strips: readonly RecInput[], width: number): Float32Array {
  const plane = REC_HEIGHT * width;
  const out = new Float32Array(strips.length * 3 * plane);
  strips.forEach((strip, n) => {
    if (strip.width > width) throw new Error(`A strip ${strip.width} wide does not fit a batch ${width} wide`);
    const stripPlane = REC_HEIGHT * strip.width;
    for (let c = 0; c < 3; c++) {
      for (let y = 0; y < REC_HEIGHT; y++) {
        const from = c * stripPlane + y * strip.width;
        out.set(strip.data.subarray(from, from + strip.width), (n * 3 + c) * plane + y * width);
      }
    }
  });
  return out;
}
