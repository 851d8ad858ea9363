/** The recogniser's output for one line: T timesteps of C class probabilities, row-major. */
export interface RecOutput {
  data: Float32Array;
  steps: number;
  classes: number;
}

export interface Decoded {
  text: string;
  /** Mean probability of the chosen characters; 0 when there are none. */
  conf: number;
  /** Per character, the centre of its timestep as a fraction of all timesteps: (t + 0.5) / T. */
  positions: number[];
  /** Per character, its probability. */
  probs: number[];
}

/**
 * The recogniser's classes from ppocr_keys_v1.txt: index 0 is the CTC blank, then one class per line of
 * the file, then a space (PP-OCR's use_space_char).
 */
export function dictionaryOf(keysText: string): string[] {
  const keys = keysText.split(/\r?\n/);
  if (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return ['', ...keys, ' '];
}

/** Greedy CTC decoding: the best class at each timestep, repeats merged, blanks dropped. */
export function ctcDecode(out: RecOutput, dictionary: readonly string[]): Decoded {
  const { data, steps, classes } = out;
  let text = '';
  const positions: number[] = [];
  const probs: number[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    const row = t * classes;
    for (let c = 0; c < classes; c++) {
      if (data[row + c] > bestP) {
        bestP = data[row + c];
        best = c;
      }
    }
    if (best !== 0 && best !== previous) {
      text += dictionary[best] ?? '';
      positions.push((t + 0.5) / steps);
      probs.push(bestP);
    }
    previous = best;
  }
  const conf = probs.length === 0 ? 0 : probs.reduce((s, p) => s + p, 0) / probs.length;
  return { text, conf, positions, probs };
}
