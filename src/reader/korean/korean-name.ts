// A Korean name as a card prints it: a surname from a short list, then one to three given syllables.
// The structure corrects what it can (the surname) and says how sure the result is.
import { hangulOnly, syllableCost } from './hangul';
import { COMMON_SURNAMES, SURNAMES } from './korean-sets';

export interface NameRead {
  value: string;
  /** 0..1; below NAME_CHECK_CONF the name is shown as read and marked for someone to check. */
  conf: number;
}

/** Below this a name is marked "check this name". */
export const NAME_CHECK_CONF = 0.8;

const TWO_SYLLABLE = SURNAMES.filter((s) => s.length === 2);
const ONE_SYLLABLE = new Set(SURNAMES.filter((s) => s.length === 1));
const COMMON = new Set(COMMON_SURNAMES);

/** The commonest surname a look-alike letter from `read` (홍 for 옹), or any letter when `read` is no surname. */
function commonNeighbour(read: string, known: boolean): string | null {
  if (COMMON.has(read)) return null;
  const most = known ? 1 / 6 : 1 / 3;
  const near = COMMON_SURNAMES.map((s) => ({ s, cost: syllableCost(s, read) }))
    .filter(({ cost }) => cost <= most)
    // The nearest; among equals the commoner (the list is in order of frequency, and sort is stable).
    .sort((a, b) => a.cost - b.cost);
  return near[0]?.s ?? null;
}

/**
 * The name in a line the recogniser read (Hanja in brackets, spaces and noise dropped), with its
 * confidence: as read when it has the shape of a name; marked for checking when its surname is a rare one
 * that looks like a common one (옹 and 홍); its surname replaced by the common one a letter away when the
 * read one is no surname (marked too: the prior, not the image, chose it); as read and marked when it has
 * no name's shape.
 */
export function readKoreanName(text: string, readConf: number): NameRead {
  const syllables = hangulOnly(text.replace(/\(.*?\)?$/, ''));
  const unsure = (value: string, most: number) => ({ value, conf: Math.min(readConf, most) });
  if (syllables.length < 2 || syllables.length > 5) return unsure(syllables, 0.3);
  if (TWO_SYLLABLE.some((s) => syllables.startsWith(s)) && syllables.length >= 3)
    return { value: syllables, conf: readConf };
  const [surname, given] = [syllables[0], syllables.slice(1)];
  if (given.length > 3) return unsure(syllables, 0.5);
  const known = ONE_SYLLABLE.has(surname);
  const neighbour = commonNeighbour(surname, known);
  // A rare surname that looks like a common one stays as read, marked; no surname at all takes the common one's place.
  if (neighbour) return unsure(known ? syllables : neighbour + given, 0.7);
  if (!known) return unsure(syllables, 0.5);
  return { value: syllables, conf: readConf };
}
