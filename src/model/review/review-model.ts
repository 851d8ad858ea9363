import * as v from 'valibot';

// What a reviewer decided, and the figures the report draws from it. Plain data, no DOM.
export type FieldVerdict = 'correct' | 'wrong-value' | 'wrong-box';
export type CardVerdict = 'accepted' | 'rejected';

export interface FieldReview {
  verdict: FieldVerdict;
  /** Field name and confidence: not personal, kept so the report needs no decrypted result. */
  key: string;
  conf: number | null;
  /** The reviewer's corrected value; kept on the device only with "Keep this review on this device". */
  correction?: string;
  at: number;
}

/**
 * One card's review, keyed by the SHA-256 of the image's bytes. It holds no file name: the name a user
 * gives a file is often a person's, and a review may be kept on the device.
 */
export interface CardReview {
  sha256: string;
  fields: Record<string, FieldReview>;
  card?: { verdict: CardVerdict; at: number };
}

/** The review with every corrected value left out, as a redacted session carries it. */
export function withoutValues(review: CardReview): CardReview {
  const fields = Object.fromEntries(
    Object.entries(review.fields).map(([id, f]) => [id, { ...f, correction: undefined }]),
  );
  return { ...review, fields };
}

/** Longest file name a session may give a card, and longest field id or name a review may hold. */
export const MAX_FILE_NAME = 255;
export const MAX_FIELD_KEY = 200;
export const MAX_CORRECTION = 1000;

const time = v.pipe(v.number(), v.finite());
const fieldReviewSchema = v.object({
  verdict: v.picklist(['correct', 'wrong-value', 'wrong-box']),
  key: v.pipe(v.string(), v.maxLength(MAX_FIELD_KEY)),
  conf: v.nullable(v.pipe(v.number(), v.finite())),
  correction: v.optional(v.pipe(v.string(), v.maxLength(MAX_CORRECTION))),
  at: time,
});

/**
 * What a CardReview must be wherever it comes from that the app did not write itself this page:
 * an imported session, or IndexedDB. Unknown keys are dropped (the file name older versions wrote
 * among them); "__proto__" and the like never pass.
 */
export const cardReviewSchema = v.object({
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  fields: v.record(v.pipe(v.string(), v.maxLength(MAX_FIELD_KEY)), fieldReviewSchema),
  card: v.optional(v.object({ verdict: v.picklist(['accepted', 'rejected']), at: time })),
}) satisfies v.GenericSchema<unknown, CardReview>;

/** A reviewed field as the report needs it: its name, its confidence and the verdict. */
export interface ReviewedField {
  key: string;
  conf: number | null;
  verdict: FieldVerdict;
}

/**
 * A verdict judges a value and its box apart: "wrong box" is a right value in the wrong place, "wrong value"
 * a wrong value in a box not marked wrong. So a field has two accuracies, and neither hides the other.
 */
export interface FieldAccuracy {
  key: string;
  reviewed: number;
  /** Values read right: every verdict but a wrong value. */
  rightValue: number;
  /** Boxes marked wrong; every other box counts as right. */
  wrongBox: number;
  valueAccuracy: number;
  boxAccuracy: number;
}

function tally(key: string, fields: readonly ReviewedField[]): FieldAccuracy {
  const reviewed = fields.length;
  const rightValue = fields.filter((f) => f.verdict !== 'wrong-value').length;
  const wrongBox = fields.filter((f) => f.verdict === 'wrong-box').length;
  return {
    key,
    reviewed,
    rightValue,
    wrongBox,
    valueAccuracy: reviewed ? rightValue / reviewed : 0,
    boxAccuracy: reviewed ? (reviewed - wrongBox) / reviewed : 0,
  };
}

/** Value and box accuracy per field name, sorted by name. */
export function accuracyByField(fields: readonly ReviewedField[]): FieldAccuracy[] {
  const byKey = new Map<string, ReviewedField[]>();
  for (const f of fields) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  return [...byKey].map(([key, group]) => tally(key, group)).sort((a, b) => a.key.localeCompare(b.key));
}

/** Value and box accuracy over every reviewed field (key ''); null when nothing is reviewed. */
export function overallAccuracy(fields: readonly ReviewedField[]): FieldAccuracy | null {
  return fields.length ? tally('', fields) : null;
}

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConf: number | null;
  accuracy: number | null;
}

/** Observed accuracy against confidence in equal-width bins (a reliability diagram). */
export function reliability(fields: readonly ReviewedField[], bins = 10): ReliabilityBin[] {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, i) => ({
    from: i / bins,
    to: (i + 1) / bins,
    count: 0,
    meanConf: null,
    accuracy: null,
  }));
  const sums = out.map(() => ({ conf: 0, correct: 0 }));
  for (const f of fields) {
    if (f.conf === null) continue;
    const i = Math.min(bins - 1, Math.max(0, Math.floor(f.conf * bins)));
    out[i].count++;
    sums[i].conf += f.conf;
    if (f.verdict !== 'wrong-value') sums[i].correct++;
  }
  return out.map((bin, i) =>
    bin.count ? { ...bin, meanConf: sums[i].conf / bin.count, accuracy: sums[i].correct / bin.count } : bin,
  );
}

export interface WhatIfPoint {
  threshold: number;
  /** Fields under the threshold: they would go to review. */
  toReview: number;
  /** Accuracy of the fields left unreviewed (at or above the threshold); null when none are. */
  accuracyOfRest: number | null;
}

/**
 * What a confidence threshold would do to the reviewed fields. Only a field with a confidence can fall under a
 * threshold, so the what-if counts those (scored); the others are reviewed fields all the same.
 */
export interface ThresholdFigures {
  threshold: number;
  /** Every field with a verdict. */
  reviewed: number;
  /** Of those, the fields with a confidence score: the what-if's whole. */
  scored: number;
  /** Fields with a verdict but no confidence score: no threshold sends them to review. */
  unscored: number;
  /** Scored fields under the threshold: they would go to review. */
  toReview: number;
  /** Scored fields at or above the threshold: left unreviewed. */
  rest: number;
  /** Value accuracy of the rest; null when none are left. */
  accuracyOfRest: number | null;
}

export function atThreshold(fields: readonly ReviewedField[], threshold: number): ThresholdFigures {
  const scored = fields.filter((f) => f.conf !== null) as (ReviewedField & { conf: number })[];
  const rest = scored.filter((f) => f.conf >= threshold);
  const correct = rest.filter((f) => f.verdict !== 'wrong-value').length;
  return {
    threshold,
    reviewed: fields.length,
    scored: scored.length,
    unscored: fields.length - scored.length,
    toReview: scored.length - rest.length,
    rest: rest.length,
    accuracyOfRest: rest.length ? correct / rest.length : null,
  };
}

/** For each threshold t, how many fields go to review and how accurate the rest are. */
export function thresholdWhatIf(fields: readonly ReviewedField[], steps = 20): WhatIfPoint[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const { threshold, toReview, accuracyOfRest } = atThreshold(fields, i / steps);
    return { threshold, toReview, accuracyOfRest };
  });
}

export interface Throughput {
  cards: number;
  fields: number;
  minutes: number;
  cardsPerMinute: number | null;
  fieldsPerMinute: number | null;
}

/** Reviewer pace from verdict times: the span from the first to the last verdict. */
export function reviewerThroughput(reviews: readonly CardReview[]): Throughput {
  const times = reviews.flatMap((r) => [...Object.values(r.fields).map((f) => f.at), ...(r.card ? [r.card.at] : [])]);
  const fields = reviews.reduce((n, r) => n + Object.keys(r.fields).length, 0);
  const cards = reviews.filter((r) => Object.keys(r.fields).length > 0 || r.card).length;
  const minutes = times.length > 1 ? (Math.max(...times) - Math.min(...times)) / 60_000 : 0;
  return {
    cards,
    fields,
    minutes,
    cardsPerMinute: minutes > 0 ? cards / minutes : null,
    fieldsPerMinute: minutes > 0 ? fields / minutes : null,
  };
}
