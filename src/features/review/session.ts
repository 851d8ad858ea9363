import * as v from 'valibot';
import type { AnalysisKind, AnalysisOutcome, CreditCardResult, IdCardResult } from '@/api';
import { redactResult } from '@/features/fields';
import { withoutValues } from './review-store';
import type { CardReview } from './review-model';

export interface SessionCard {
  file: string;
  sha256: string;
  analysis: AnalysisKind;
  result: CreditCardResult | IdCardResult;
  review?: CardReview;
}

const sessionSchema = v.object({
  kind: v.literal('cardlens-session'),
  version: v.literal(1),
  redacted: v.boolean(),
  cards: v.array(
    v.looseObject({
      file: v.string(),
      sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
      analysis: v.picklist(['credit-card', 'id-card', 'id-card-stand-alone']),
      result: v.looseObject({ fileType: v.string(), resolution: v.string() }),
      review: v.optional(v.unknown()),
    }),
  ),
});

/** A reviewed batch as one file: results (redacted unless asked) and verdicts, keyed by image hash. */
export function buildSession(
  cards: { file: string; sha256: string; outcome: AnalysisOutcome; review?: CardReview }[],
  redacted: boolean,
): string {
  return JSON.stringify(
    {
      kind: 'cardlens-session',
      version: 1,
      exportedAt: new Date().toISOString(),
      redacted,
      cards: cards.map((c) => ({
        file: c.file,
        sha256: c.sha256,
        analysis: c.outcome.kind,
        result: redacted ? redactResult(c.outcome) : c.outcome.result,
        ...(c.review ? { review: redacted ? withoutValues(c.review) : c.review } : {}),
      })),
    },
    null,
    2,
  );
}

export function parseSession(text: string): { redacted: boolean; cards: SessionCard[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('the file is not JSON');
  }
  const parsed = v.safeParse(sessionSchema, json);
  if (!parsed.success) throw new Error('the file is not a Cardlens session');
  return { redacted: parsed.output.redacted, cards: parsed.output.cards as unknown as SessionCard[] };
}

/** An analysis outcome rebuilt from a session, with no API call: no timings and no Request-Key. */
export function importedOutcome(card: SessionCard): AnalysisOutcome {
  const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };
  if (card.analysis === 'credit-card')
    return { kind: 'credit-card', result: card.result as CreditCardResult, timings, keyVersion: 'imported' };
  if (card.analysis === 'id-card-stand-alone')
    return { kind: 'id-card-stand-alone', result: card.result as IdCardResult, timings, keyVersion: 'imported' };
  return {
    kind: 'id-card',
    result: card.result as IdCardResult,
    timings,
    keyVersion: 'imported',
    requestKey: null,
    requestKeyMissingReason: null,
    requestKeyIssuedAt: 0,
  };
}
