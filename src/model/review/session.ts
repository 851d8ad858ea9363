import * as v from 'valibot';
import type { AnalysisOutcome, CreditCardResult, IdCardResult } from '@/api';
// The response schemas, to check an imported session's results like a response. Imported from their
// file, not @/api: what @/api exports loads with the first screen, which needs no valibot.
import { rawCreditCardSchema, rawIdCardSchema } from '@/api/schemas';
import { megabytes } from '@/lib/byte-size';
import { redactResult } from '@/model/fields/redact';
import { visibleJson } from '@/lib/hidden-characters';
import { MAX_IMAGE_BYTES } from '@/lib/image-format';
import { cardReviewSchema, MAX_FILE_NAME, withoutValues, type CardReview } from './review-model';
import { refuse, type SessionRefusal } from './session-refusal';

export { describeRefusal, SessionRefused, type SessionProblem, type SessionRefusal } from './session-refusal';

/**
 * One card of a session. `file` is the file's name in a full session, and a name that says nothing
 * of it in a redacted one; `bytes` is the image's size, by which an import finds it among the files chosen.
 */
export type SessionCard = { file: string; sha256: string; bytes?: number; review?: CardReview } & (
  | { analysis: 'credit-card'; result: CreditCardResult }
  | { analysis: 'id-card' | 'id-card-stand-alone'; result: IdCardResult }
);

/** Far above any real session (a few KB a card); a bigger file is refused before it is read. */
export const MAX_SESSION_BYTES = 10 * 1024 * 1024;
/** No string or key in a session is near this long; a longer one is refused wherever it is. */
export const MAX_STRING = 4096;
/** A session nests about six deep (cards[i].result.keyValues[j].bbox.x1). */
const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'prototype', 'constructor']);

const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A path as a reader finds it in the file: result.cardNums[0].conf, review.fields["cardNums.3"]. */
function pathText(path: readonly (string | number)[]): string {
  return path
    .map((key, i) =>
      typeof key === 'number'
        ? `[${key}]`
        : key.length <= 40 && /^[A-Za-z_$][\w$]*$/.test(key)
          ? `${i ? '.' : ''}${key}`
          : `[${JSON.stringify(short(key))}]`,
    )
    .join('');
}

/** Forbidden keys, huge strings or keys, deep nesting: found by walking the parsed file once, without recursion. */
function checkTree(root: unknown): (Omit<SessionRefusal, 'field'> & { path: (string | number)[] }) | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) return { problem: 'too-long', path, limit: MAX_STRING };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (path.length >= MAX_DEPTH) return { problem: 'too-deep', path };
    const children: { value: unknown; path: (string | number)[] }[] = [];
    if (Array.isArray(value)) value.forEach((item: unknown, i) => children.push({ value: item, path: [...path, i] }));
    else
      for (const [key, item] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) return { problem: 'forbidden-key', path: [...path, key] };
        if (key.length > MAX_STRING) return { problem: 'too-long', path: [...path, key], limit: MAX_STRING };
        children.push({ value: item as unknown, path: [...path, key] });
      }
    stack.push(...children.reverse()); // first child on top: problems are found in the file's order
  }
  return null;
}

const sessionSchema = v.object({
  kind: v.literal('cardlens-session'),
  version: v.literal(1),
  redacted: v.boolean(),
  cards: v.array(v.unknown()),
});

// Results are checked with the very schemas a response is: they describe the encrypted shape,
// whose values are strings, so the decrypted (or redacted) shape fits them too.
const cardEntries = {
  file: v.pipe(v.string(), v.maxLength(MAX_FILE_NAME)),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  bytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_IMAGE_BYTES))),
  review: v.optional(cardReviewSchema),
};
const cardSchema = v.variant('analysis', [
  v.object({ ...cardEntries, analysis: v.literal('credit-card'), result: rawCreditCardSchema }),
  v.object({ ...cardEntries, analysis: v.picklist(['id-card', 'id-card-stand-alone']), result: rawIdCardSchema }),
]);
type CheckedCard = v.InferOutput<typeof cardSchema>;

function issueRefusal(issue: v.BaseIssue<unknown>, where: Pick<SessionRefusal, 'card' | 'file'>): SessionRefusal {
  const field = pathText(issue.path?.map((item) => item.key as string | number) ?? []) || '?';
  if (issue.type === 'max_length' && typeof issue.requirement === 'number')
    return { problem: 'too-long', ...where, field, limit: issue.requirement };
  return { problem: 'bad-field', ...where, field };
}

function asSessionCard(card: CheckedCard): SessionCard {
  const { file, sha256, bytes, review } = card;
  const base = { file, sha256, ...(bytes ? { bytes } : {}), ...(review ? { review } : {}) };
  if (card.analysis !== 'credit-card') return { ...base, analysis: card.analysis, result: card.result };
  // As the client does after decrypting: a split number joined, absent parts left out rather than null.
  const { totalCardNum, validThru, validThruBox, ...rest } = card.result;
  return {
    ...base,
    analysis: card.analysis,
    result: {
      ...rest,
      totalCardNum: Array.isArray(totalCardNum) ? totalCardNum.join('') : totalCardNum,
      ...(validThru ? { validThru } : {}),
      ...(validThruBox ? { validThruBox } : {}),
    },
  };
}

/**
 * A reviewed batch as one file: results and verdicts keyed by image hash. Redacted unless asked: then
 * values are masked, corrections left out, and each card named by `name` instead of its file's name.
 */
/**
 * One card per image: the same image sent twice is one card in a session (its review is filed by the
 * image's hash, so both had the same), and a session names an image once.
 */
export function onePerImage<T extends { sha256: string }>(cards: readonly T[]): T[] {
  const seen = new Set<string>();
  return cards.filter((card) => !seen.has(card.sha256) && seen.add(card.sha256));
}

export function buildSession(
  cards: {
    file: string;
    name: string;
    sha256: string;
    bytes: number;
    outcome: AnalysisOutcome;
    review?: CardReview;
  }[],
  redacted: boolean,
): string {
  return visibleJson({
    kind: 'cardlens-session',
    version: 1,
    exportedAt: new Date().toISOString(),
    redacted,
    cards: onePerImage(cards).map((c) => ({
      file: redacted ? c.name : c.file,
      sha256: c.sha256,
      bytes: c.bytes,
      analysis: c.outcome.kind,
      result: redacted ? redactResult(c.outcome) : c.outcome.result,
      ...(c.review ? { review: redacted ? withoutValues(c.review) : c.review } : {}),
    })),
  });
}

/** Refuses a session file by its size alone, before reading it. */
export function checkSessionSize(bytes: number): void {
  if (bytes > MAX_SESSION_BYTES) refuse({ problem: 'too-large', limit: megabytes(MAX_SESSION_BYTES) });
}

/** A session as parsed and checked, before any image is read. */
export interface ParsedSession {
  redacted: boolean;
  cards: SessionCard[];
}

/**
 * A session file, checked whole before any image is read or anything of it used: every result against
 * the response schemas, every review against CardReview's, each review against its own card.
 * Throws SessionRefused, naming the card and the field, at the first problem. That each review's image
 * was chosen with it is checked once the images are read (requireReviewedImages).
 */
export function parseSession(text: string): ParsedSession {
  checkSessionSize(text.length);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse({ problem: 'not-json' });
  }
  const top = v.safeParse(sessionSchema, json);
  if (!top.success) refuse({ problem: 'not-session', field: pathText(v.getDotPath(top.issues[0])?.split('.') ?? []) });

  const cards = top.output.cards;
  const found = checkTree(json);
  if (found) {
    const { path, ...refusal } = found;
    const inCard = path[0] === 'cards' && typeof path[1] === 'number';
    refuse({
      ...refusal,
      ...(inCard ? whereIn(cards, path[1] as number) : {}),
      field: pathText(inCard ? path.slice(2) : path),
    });
  }

  const firstSeen = new Map<string, number>();
  const parsed = cards.map((raw, i) => {
    const checked = v.safeParse(cardSchema, raw);
    if (!checked.success) refuse(issueRefusal(checked.issues[0], whereIn(cards, i)));
    const card = checked.output;
    const first = firstSeen.get(card.sha256);
    if (first !== undefined) refuse({ problem: 'duplicate', ...whereIn(cards, i), first });
    firstSeen.set(card.sha256, i + 1);
    if (card.review && card.review.sha256 !== card.sha256) refuse({ problem: 'review-sha', ...whereIn(cards, i) });
    return asSessionCard(card);
  });
  return { redacted: top.output.redacted, cards: parsed };
}

/** A card as a refusal names it: its place (1-based, as a person counts) and its file. */
function whereIn(cards: readonly unknown[], i: number): Pick<SessionRefusal, 'card' | 'file'> {
  const file = (cards[i] as { file?: unknown } | null)?.file;
  return { card: i + 1, file: typeof file === 'string' ? short(file) : '?' };
}

/** Refuses the session when a review's image is not among those found (by the SHA-256 of their bytes). */
export function requireReviewedImages(session: ParsedSession, imageHashes: ReadonlySet<string>): void {
  session.cards.forEach((card, i) => {
    if (card.review && !imageHashes.has(card.sha256))
      refuse({ problem: 'review-no-image', ...whereIn(session.cards, i) });
  });
}

/** An analysis outcome rebuilt from a session, with no API call: no timings and no Request-Key. */
export function importedOutcome(card: SessionCard): AnalysisOutcome {
  const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };
  if (card.analysis === 'credit-card')
    return { kind: 'credit-card', result: card.result, timings, keyVersion: 'imported' };
  if (card.analysis === 'id-card-stand-alone')
    return { kind: 'id-card-stand-alone', result: card.result, timings, keyVersion: 'imported' };
  return {
    kind: 'id-card',
    result: card.result,
    timings,
    keyVersion: 'imported',
    requestKey: null,
    requestKeyMissingReason: null,
    requestKeyIssuedAt: 0,
  };
}
