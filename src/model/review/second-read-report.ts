import { disagrees, type SecondRead } from '@/model/second-read/second-read-types';
import type { CardReview } from './review-model';

/** How often the device's second read agreed with NHN on one field name. */
export interface FieldAgreement {
  key: string;
  compared: number;
  agreed: number;
  rate: number;
}

/** Whether the second read's disagreements pointed at the values the reviewer marked wrong. */
export interface DisagreementVsVerdicts {
  /** Fields marked "wrong value" that the second read compared. */
  markedWrong: number;
  /** …of which the second read flagged. */
  markedWrongFlagged: number;
  /** Flagged fields the reviewer gave a verdict on. */
  flaggedReviewed: number;
  /** …of which the reviewer marked "wrong value". */
  flaggedMarkedWrong: number;
}

export interface SecondReadReport {
  cards: number;
  byField: FieldAgreement[];
  verdicts: DisagreementVsVerdicts;
}

/** The second reads of the cards on this page set against the reviewer's verdicts, by image hash. */
export function secondReadReport(
  reads: ReadonlyMap<string, SecondRead>,
  reviews: ReadonlyMap<string, CardReview>,
): SecondReadReport {
  const byKey = new Map<string, { compared: number; agreed: number }>();
  const verdicts: DisagreementVsVerdicts = {
    markedWrong: 0,
    markedWrongFlagged: 0,
    flaggedReviewed: 0,
    flaggedMarkedWrong: 0,
  };
  let cards = 0;
  for (const [sha256, read] of reads) {
    if (read.status !== 'read') continue;
    cards++;
    const review = reviews.get(sha256);
    for (const field of read.fields) {
      if (field.device === null) continue;
      const flagged = disagrees(field);
      const entry = byKey.get(field.key) ?? { compared: 0, agreed: 0 };
      entry.compared++;
      if (!flagged) entry.agreed++;
      byKey.set(field.key, entry);
      const verdict = review?.fields[field.fieldId]?.verdict;
      if (!verdict) continue;
      const wrong = verdict === 'wrong-value';
      if (wrong) verdicts.markedWrong++;
      if (wrong && flagged) verdicts.markedWrongFlagged++;
      if (flagged) verdicts.flaggedReviewed++;
      if (flagged && wrong) verdicts.flaggedMarkedWrong++;
    }
  }
  const byField = [...byKey]
    .map(([key, e]) => ({ key, ...e, rate: e.agreed / e.compared }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { cards, byField, verdicts };
}
