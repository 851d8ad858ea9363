import type { MessageKey } from '@/model/text/message-keys';

/** What the check before sending predicts is wrong with a photo, as the camera view would have said it. */
export type QualityHint = 'blurred' | 'glare' | 'lowResolution';

/**
 * The photo's predicted quality: `checked` with no hints is a photo that looks fine. One the check could
 * not decode is `not-checked`, never fine: nobody looked at it.
 */
export type PhotoQuality =
  { kind: 'checked'; hints: QualityHint[]; sharpness: number; glare: number } | { kind: 'not-checked'; why: string };

export const QUALITY_HINT_TEXT: Readonly<Record<QualityHint, MessageKey>> = {
  blurred: 'qualityBlurred',
  glare: 'qualityGlare',
  lowResolution: 'qualityLowResolution',
};

/**
 * What to say of a photo's quality: the message and the keys of the parts filled into it (the hints, or why
 * it was not checked); null for a photo that looks fine.
 */
export function qualityMessage(
  quality: PhotoQuality,
): { key: 'qualityCaution'; hints: MessageKey[] } | { key: 'qualityNotChecked'; why: MessageKey } | null {
  if (quality.kind === 'not-checked')
    return { key: 'qualityNotChecked', why: quality.why === 'undecoded' ? 'qualityUndecoded' : 'qualityUnavailable' };
  if (quality.hints.length === 0) return null;
  return { key: 'qualityCaution', hints: quality.hints.map((hint) => QUALITY_HINT_TEXT[hint]) };
}

/** A card as the agreement count sees it: its predicted quality, the answer, and who gave it. */
export interface PredictedCard {
  quality?: PhotoQuality;
  outcome?: { result: { resolution: string } };
  answeredBy?: string;
}

export interface ResolutionAgreement {
  /**
   * Cards whose quality was checked and that the service itself answered with `resolution` "low" or "normal":
   * a specimen's answer or one read on this device takes its `resolution` from the rule the prediction uses.
   */
  answered: number;
  /** Of those, the cards where "below the recommended resolution" was predicted exactly when NHN said "low". */
  agreed: number;
}

/** How often the prediction "below the recommended resolution" matched NHN's own `resolution` answer. */
export function resolutionAgreement(cards: readonly PredictedCard[]): ResolutionAgreement {
  let [answered, agreed] = [0, 0];
  for (const { quality, outcome, answeredBy } of cards) {
    const said = outcome?.result.resolution;
    if (answeredBy !== 'service' || quality?.kind !== 'checked' || (said !== 'low' && said !== 'normal')) continue;
    answered++;
    if (quality.hints.includes('lowResolution') === (said === 'low')) agreed++;
  }
  return { answered, agreed };
}
