/**
 * Characters that draw nothing yet change text: Unicode's format characters (category Cf), among them
 * the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), the directional
 * marks, the zero-width space and joiners, the word joiner and the byte order mark. A value holding one
 * can show as other than it is: "1234" after U+202E RIGHT-TO-LEFT OVERRIDE is drawn "4321".
 */
const HIDDEN = /\p{Cf}/gu;
const IS_HIDDEN = /^\p{Cf}$/u;

/** One hidden character taken out of a text, and where it sat. */
export interface HiddenCharacter {
  /** Its code point. */
  code: number;
  /** How many characters of the text without them come before it (0: at the start). */
  after: number;
}

/** The text with every hidden character taken out, and which ones were, in order. */
export function withoutHidden(text: string): { text: string; hidden: HiddenCharacter[] } {
  const hidden: HiddenCharacter[] = [];
  let kept = '';
  let keptLength = 0; // in code points, as a person counts characters
  for (const char of text) {
    if (IS_HIDDEN.test(char)) hidden.push({ code: char.codePointAt(0)!, after: keptLength });
    else {
      kept += char;
      keptLength++;
    }
  }
  return { text: hidden.length ? kept : text, hidden };
}

const ABBREVIATIONS: Record<number, string> = {
  0x00ad: 'SHY',
  0x061c: 'ALM',
  0x200b: 'ZWSP',
  0x200c: 'ZWNJ',
  0x200d: 'ZWJ',
  0x200e: 'LRM',
  0x200f: 'RLM',
  0x202a: 'LRE',
  0x202b: 'RLE',
  0x202c: 'PDF',
  0x202d: 'LRO',
  0x202e: 'RLO',
  0x2060: 'WJ',
  0x2066: 'LRI',
  0x2067: 'RLI',
  0x2068: 'FSI',
  0x2069: 'PDI',
  0xfeff: 'ZWNBSP',
};

/** "U+202E RLO": the code point, and Unicode's abbreviation where it has one (the same in every language). */
export function hiddenName(code: number): string {
  const point = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return ABBREVIATIONS[code] ? `${point} ${ABBREVIATIONS[code]}` : point;
}

/**
 * JSON text with every hidden character written as its `\u` escape: the same JSON to a parser, the same
 * values after a round trip, and nothing in it that reorders or hides text in an editor or a viewer.
 * JSON allows these characters only inside strings, where an escape means the same.
 */
export function escapeHiddenInJson(json: string): string {
  return json.replace(HIDDEN, (char) =>
    Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
}

/** JSON.stringify, indented by two, with hidden characters escaped: every JSON the app exports or shows. */
export const visibleJson = (value: unknown): string => escapeHiddenInJson(JSON.stringify(value, null, 2));
