// Korean on the device: which lines of an ID card hold Hangul, a recogniser for them (Tesseract's kor
// model, passed in), and the closed sets and name structure that check what it read.
import { scaleQuad, type Quad } from '@/lib/quad';
import { boxHasArea } from '../engine';
import type { ReaderIdCardResult } from '../id-card-parser';
import type { Pixels, ReadLine } from '../types';
import { koreanFields, planHangulLines } from './korean-fields';
import { DISPUTED_CONF, LINE_CUTS, lineImage } from './line-image';
import type { HangulRecogniser, HangulText } from './types';

export { tesseractRecogniser } from './tesseract-recogniser';
export type { HangulRecogniser, HangulText, TesseractLike } from './types';
export { NAME_CHECK_CONF } from './korean-name';
export { DISPUTED_CONF } from './line-image';
export { INFERRED_CLASS_CONF } from './licence-classes';
export { koreanFieldRead, type KoreanFieldRead } from './korean-field-read';
export { isKoreanKey, KOREAN_KEYS, type KoreanKey } from './korean-keys';

/**
 * The ID card's result with its Hangul fields added (name, issuer, a licence's classes), read from the
 * detected lines (`lines`, in the original image's pixels; `pixels` is the image decoded at `scale`).
 * The recogniser is asked for only when the card has lines to read; when it cannot load, the digits stand alone.
 */
export async function withHangulFields(
  result: ReaderIdCardResult,
  lines: readonly ReadLine[],
  pixels: Pixels,
  scale: number,
  recogniser: () => Promise<HangulRecogniser>,
): Promise<ReaderIdCardResult> {
  const plan = planHangulLines(lines, result.keyValues, result.idType);
  if (!plan) return result;
  const texts = await readLines(
    pixels,
    plan.lines.map((l) => scaleQuad(l.quad, scale)),
    await recogniser(),
  );
  return { ...result, keyValues: [...result.keyValues, ...koreanFields(plan, texts)] };
}

/** Below this the recogniser's reading of a line is unsure, and the line is cut out another way and read again. */
export const LOOK_AGAIN_CONF = 0.8;

const compact = (text: string) => text.replace(/\s+/g, '');

/**
 * Each line in `quads` (the decoded image's pixels) read in each of LINE_CUTS while it is unsure (read
 * below LOOK_AGAIN_CONF, or as nothing), keeping the surest reading. Two cuts that read a line as
 * different texts leave it disputed, however sure either was: it is answered at most DISPUTED_CONF, marked.
 */
async function readLines(pixels: Pixels, quads: readonly Quad[], recogniser: HangulRecogniser) {
  const best: (HangulText | undefined)[] = quads.map(() => undefined);
  const seen = quads.map(() => new Set<string>());
  const unsureAt = (i: number) => !best[i]?.text || (best[i]?.conf ?? 0) < LOOK_AGAIN_CONF;
  let unsure = quads.map((_, i) => i);
  for (const cut of LINE_CUTS) {
    if (cut.whenNothingRead) unsure = unsure.filter((i) => !best[i]?.text);
    if (unsure.length === 0) break;
    const texts = await recogniser.recognise(unsure.map((i) => lineImage(pixels, quads[i], cut)));
    unsure.forEach((at, k) => {
      if (texts[k].text) seen[at].add(compact(texts[k].text));
      const before = best[at];
      // Something read beats nothing, however sure the recogniser was of the nothing.
      const better = !before || (texts[k].text ? !before.text || texts[k].conf > before.conf : false);
      if (better) best[at] = texts[k];
    });
    unsure = unsure.filter(unsureAt);
  }
  return best.map((text, i): HangulText => {
    const read = text ?? { text: '', conf: 0 };
    return seen[i].size > 1 ? { ...read, conf: Math.min(read.conf, DISPUTED_CONF), disputed: true } : read;
  });
}

/** The text inside each of `quads` (the decoded image's pixels), each cut out as one line and read in Hangul. */
export async function readHangulBoxes(
  pixels: Pixels,
  quads: readonly Quad[],
  recogniser: () => Promise<HangulRecogniser>,
): Promise<HangulText[]> {
  // A box with no area, or one so far out that its size is not a number, holds nothing to read.
  const readable = quads.map((q) => boxHasArea(q) && Object.values(q).every(Number.isFinite));
  const wanted = quads.filter((_, i) => readable[i]);
  if (wanted.length === 0) return quads.map(() => ({ text: '', conf: 0 }));
  const texts = await readLines(pixels, wanted, await recogniser());
  let next = 0;
  return readable.map((ok) => (ok ? texts[next++] : { text: '', conf: 0 }));
}
