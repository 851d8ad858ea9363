// A driver's licence's classes as the Hangul recogniser read them ("1종 보통 2종 소형"): split at each 종,
// their digits read where they can be, and snapped to the classes a licence can list.
import { syllableCost } from './hangul';
import { LICENCE_TYPES } from './korean-sets';
import { snapToSet } from './snap';

// What OCR makes of the class digit before 종: 1 as I, l, | or ㅣ, 2 as Z or 으.
const ONE = new Set(['1', 'I', 'l', '|', 'ㅣ', 'i', '!', '[', '{', ']']);
const TWO = new Set(['2', 'Z', 'z', '으', '그', 'ㄹ']);
const isDigitMark = (c: string) => ONE.has(c) || TWO.has(c);

export interface LicenceClassRead {
  digit: '1' | '2' | null;
  kind: string;
  /** The digit was taken from a word that was not read as a class ("26" for 2종): a guess, however likely. */
  guessed?: boolean;
}

/** A line of licence classes split at each 종 ("1종 보통 2종 소형" → two), the digit before it read if it can be. */
export function licenceClasses(text: string): LicenceClassRead[] {
  // 종 misread a letter away (송, 중) counts where a class digit stands before it.
  const marked = [...text]
    .map((c, i, all) => (c !== '종' && syllableCost(c, '종') <= 1 / 3 && isDigitMark(all[i - 1] ?? '') ? '종' : c))
    .join('');
  const parts = marked.split('종');
  if (parts.length < 2) return withoutClassMark(text);
  return parts.slice(1).map((after, i) => {
    const before = parts[i].trimEnd();
    const mark = before.at(-1) ?? '';
    // The next class's digit ends this part.
    const kind = (i + 2 < parts.length ? after.trimEnd().slice(0, -1) : after).trim();
    return { digit: ONE.has(mark) ? '1' : TWO.has(mark) ? '2' : null, kind };
  });
}

/**
 * A line whose 종 was read as something else entirely ("26 보통", "총 특수(레커)", "2 소형"): its first word
 * stands for the class, a digit if it starts with one, and the rest is the kind.
 */
function withoutClassMark(text: string): LicenceClassRead[] {
  const [head, ...rest] = text.trim().split(/\s+/);
  if (!head || rest.length === 0) return [];
  const mark = head[0];
  const digit = ONE.has(mark) ? '1' : TWO.has(mark) ? '2' : null;
  return [{ digit, kind: rest.join(' '), ...(digit && { guessed: true }) }];
}

/** A class whose digit was inferred or guessed, not read, is answered at most this sure: someone should look. */
export const INFERRED_CLASS_CONF = 0.7;

const KINDS = [...new Set(LICENCE_TYPES.map((t) => t.slice(3)))];

/**
 * A class snapped to the set. An unreadable digit is the one class that has the kind, or, for a kind
 * both classes have (보통, 소형), 1 for a card's first class and 2 for a later one, as cards list them.
 */
export function snapLicenceClass({ digit, kind, guessed }: LicenceClassRead, index: number, conf: number) {
  if (digit) {
    const snapped = snapToSet(`${digit}종 ${kind}`, LICENCE_TYPES, conf);
    return guessed ? { ...snapped, conf: Math.min(snapped.conf, INFERRED_CLASS_CONF) } : snapped;
  }
  const snapped = snapToSet(kind, KINDS, conf);
  if (!snapped.snapped) return { ...snapped, value: `?종 ${kind}` };
  const classes = LICENCE_TYPES.filter((t) => t.slice(3) === snapped.value);
  const value = classes.length === 1 ? classes[0] : `${index === 0 ? 1 : 2}종 ${snapped.value}`;
  // The digit was inferred, not read: below what a read one gets.
  return { ...snapped, value, conf: Math.min(snapped.conf, INFERRED_CLASS_CONF) };
}
