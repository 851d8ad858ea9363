// Faults on demand: what a flaky or broken service looks like, so every error path can be shown and tested.
export type MalformedKind = 'non-json' | 'missing-header' | 'wrong-types' | 'bad-base64' | 'missing-coordinate';

export interface SandboxFaults {
  /** How long every request takes to answer, public keys included; the sandbox's own work happens within it. */
  latencyMs?: number;
  jitterMs?: number;
  /** The following apply to POST requests (analyses and authenticity) only. */
  resultCode?: number;
  httpStatus?: number;
  malformed?: MalformedKind;
  dropConnection?: boolean;
  /**
   * Leave Request-Key out of Access-Control-Expose-Headers, as a service without CORS set up would. The
   * handler does so on POST answers; the Node server on every answer, preflights and key fetches included.
   */
  hideRequestKey?: boolean;
  /** Node server only: no Access-Control-* header on any answer, as NHN's API (which documents no CORS). */
  noCors?: boolean;
  /** Node server only: the Date header this many milliseconds off the real clock (negative: behind). */
  dateSkewMs?: number;
  /**
   * Answer one digit of a field wrong, as a misreading service would: `field` is `cardNums.N`,
   * `validThru` or an ID key (`residentNumber`, …); `at` counts the field's digits from 0. The digit
   * d becomes (d + 1) mod 10; a card number's total follows its group. On a field written in Hangul
   * (`name`, `issuer`, `licenseType`) `at` counts its syllables instead, and that syllable's vowel becomes
   * one that looks like it (길 becomes 글), as a misread syllable would.
   */
  alterDigit?: { field: string; at: number };
  /** How many POST requests the faults affect before they clear themselves; unlimited when absent. */
  times?: number;
}

export const MALFORMED_KINDS: readonly MalformedKind[] = [
  'non-json',
  'missing-header',
  'wrong-types',
  'bad-base64',
  'missing-coordinate',
];

type Json = Record<string, unknown>;

/** The faults as given, or an error naming what is wrong: a fault that silently does nothing misleads a test. */
export function checkFaults(faults: SandboxFaults): SandboxFaults {
  const alter = faults.alterDigit as unknown;
  if (alter === undefined) return faults;
  const { field, at } = (alter ?? {}) as { field?: unknown; at?: unknown };
  if (typeof field !== 'string' || !/^(cardNums\.\d{1,2}|[A-Za-z][A-Za-z0-9]{0,63})$/.test(field))
    throw new Error('alterDigit.field must be cardNums.N, validThru or a result key such as residentNumber.');
  if (!Number.isInteger(at) || (at as number) < 0 || (at as number) > 63)
    throw new Error(
      'alterDigit.at must be a whole number from 0, counting the field’s digits (or its Hangul syllables).',
    );
  return faults;
}

/** `value` with its `at`-th digit (counting digits only) moved on by one; unchanged when it has fewer. */
function bumpDigit(value: string, at: number): string {
  let seen = -1;
  return value.replace(/\d/g, (d) => (++seen === at ? String((Number(d) + 1) % 10) : d));
}

const SYLLABLE = /[\uac00-\ud7a3]/g;
// Vowels (medial letters, by index) that differ by a stroke: ㅏ/ㅓ, ㅐ/ㅔ, ㅗ/ㅜ, ㅛ/ㅠ, ㅡ/ㅣ, ….
const LOOK_ALIKE_VOWEL = [4, 5, 6, 7, 0, 1, 2, 3, 13, 14, 15, 16, 17, 8, 9, 10, 11, 12, 20, 18, 18];

/** A Hangul syllable with its vowel swapped for a look-alike: another syllable, as plausible on a card. */
function lookAlikeSyllable(syllable: string): string {
  const n = syllable.charCodeAt(0) - 0xac00;
  const vowel = Math.floor((n % 588) / 28);
  return String.fromCharCode(0xac00 + n + (LOOK_ALIKE_VOWEL[vowel] - vowel) * 28);
}

/** `value` with its `at`-th Hangul syllable misread; unchanged when it has fewer. */
function bumpSyllable(value: string, at: number): string {
  let seen = -1;
  return value.normalize('NFC').replace(SYLLABLE, (s) => (++seen === at ? lookAlikeSyllable(s) : s));
}

/** A specimen or device read whose answer has one digit wrong (SandboxFaults.alterDigit). */
export function withAlteredDigit<S extends { result: object }>(sample: S, alter: { field: string; at: number }): S {
  const result = structuredClone(sample.result) as Json; // the result shares objects with the manifest
  const group = /^cardNums\.(\d+)$/.exec(alter.field);
  const cardNums = result.cardNums as { value: string }[] | undefined;
  if (group && cardNums?.[Number(group[1])]) {
    const entry = cardNums[Number(group[1])];
    entry.value = bumpDigit(entry.value, alter.at);
    result.totalCardNum = cardNums.map((c) => c.value).join('');
  } else if (alter.field === 'validThru' && result.validThru) {
    const entry = result.validThru as { value: string };
    entry.value = bumpDigit(entry.value, alter.at);
  } else {
    const entry = (result.keyValues as { key: string; value: string }[] | undefined)?.find(
      (kv) => kv.key === alter.field,
    );
    // A field written in Hangul is misread a syllable at a time; any other, a digit at a time.
    if (entry)
      entry.value = new RegExp(SYLLABLE.source).test(entry.value)
        ? bumpSyllable(entry.value, alter.at)
        : bumpDigit(entry.value, alter.at);
  }
  return { ...sample, result };
}

function firstBox(result: Json): Json | undefined {
  const keyValues = result.keyValues as Json[] | undefined;
  if (keyValues?.[0]) return keyValues[0].bbox as Json;
  return (result.cardNumBoxes as Json[] | undefined)?.[0];
}

/** Breaks a well-formed success body the way a faulty service would. */
export function corrupt(original: Json, kind: MalformedKind): string {
  const body = structuredClone(original); // the result shares objects with the sample manifest
  const result = (body.result ?? {}) as Json;
  switch (kind) {
    case 'non-json':
      return '<html><body>502 Bad Gateway</body></html>';
    case 'missing-header':
      return JSON.stringify({ result });
    case 'wrong-types':
      return JSON.stringify({ ...body, result: { ...result, keyValues: 'n/a', cardNums: 42, isAuthenticity: 'yes' } });
    case 'bad-base64': {
      const keyValues = result.keyValues as Json[] | undefined;
      if (keyValues?.[0]) keyValues[0] = { ...keyValues[0], value: '%%not base64%%' };
      else if (result.cardNums) (result.cardNums as Json[])[0] = { ...(result.cardNums as Json[])[0], value: 'AAAA' };
      return JSON.stringify(body);
    }
    case 'missing-coordinate': {
      const box = firstBox(result);
      if (box) delete box.x3;
      return JSON.stringify(body);
    }
  }
}
