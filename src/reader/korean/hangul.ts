// Hangul syllables as their letters (jamo), and an edit distance that counts a syllable misread in one
// letter (홍 for 옹) as a third of a syllable wrong: what an OCR confusion usually is.

const FIRST = 0xac00;
const LAST = 0xd7a3;

export const isHangulSyllable = (c: string) => {
  const code = c.codePointAt(0) ?? 0;
  return code >= FIRST && code <= LAST;
};

/** The initial, medial and final letter of a syllable, as indices (final 0: none); null for anything else. */
export function jamoOf(c: string): [number, number, number] | null {
  if (!isHangulSyllable(c)) return null;
  const n = (c.codePointAt(0) ?? 0) - FIRST;
  return [Math.floor(n / 588), Math.floor((n % 588) / 28), n % 28];
}

// Initial consonants that differ by a stroke or two (ㅇ/ㅎ, ㄱ/ㅋ, ㄷ/ㅌ, ㅂ/ㅍ, ㅈ/ㅊ, ㄴ/ㄷ, ㄷ/ㄹ, ㅅ/ㅈ),
// by their indices: a misread between them costs half a letter.
const LOOK_ALIKE = new Set(['11-18', '0-15', '3-16', '7-17', '12-14', '2-3', '3-5', '9-12']);
const letterCost = (x: number, y: number, initial: boolean) =>
  x === y ? 0 : initial && LOOK_ALIKE.has(`${Math.min(x, y)}-${Math.max(x, y)}`) ? 0.5 : 1;

/** What replacing one character by another costs: 0 to 1, by letters for two syllables. */
export function syllableCost(a: string, b: string): number {
  if (a === b) return 0;
  const [ja, jb] = [jamoOf(a), jamoOf(b)];
  if (!ja || !jb) return 1;
  return ja.reduce((sum, part, i) => sum + letterCost(part, jb[i], i === 0), 0) / 3;
}

/** Levenshtein distance over characters (spaces ignored), a substitution costing syllableCost. */
export function hangulDistance(a: string, b: string): number {
  const [x, y] = [[...a.replace(/\s+/g, '')], [...b.replace(/\s+/g, '')]];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + syllableCost(x[i - 1], y[j - 1]));
    }
    previous = row;
  }
  return previous[y.length];
}

/** The Hangul syllables of a text, in order (what is left when OCR noise, Hanja and punctuation go). */
export const hangulOnly = (text: string) => [...text].filter(isHangulSyllable).join('');
