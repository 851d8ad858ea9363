import { bilingual, type MessageKey } from '@/model/text/messages';
import { fillIn } from '@/model/text/fill-in';
import type { Lang } from '@/model/text/text-store';

export type SessionProblem =
  | 'no-json'
  | 'too-large'
  | 'not-json'
  | 'not-session'
  | 'bad-field'
  | 'forbidden-key'
  | 'too-long'
  | 'too-deep'
  | 'duplicate'
  | 'review-sha'
  | 'review-no-image'
  | 'images-too-large'
  // A session's one file: its ZIP, read through its central directory.
  | 'zip-unreadable'
  | 'zip-truncated'
  | 'zip-too-many'
  | 'zip-bad-name'
  | 'zip-duplicate'
  | 'zip-method'
  | 'zip-entry-too-large'
  | 'zip-damaged'
  | 'zip-no-session';

/** Why a session file was refused, with where: the card (1-based, as a person counts) and the field. */
export interface SessionRefusal {
  problem: SessionProblem;
  card?: number;
  file?: string;
  /** A path inside the card (result.cardNums[0].conf), inside the file when no card is named, or a ZIP entry's name. */
  field?: string;
  /** A length or count limit, or a size limit in megabytes as megabytes() writes it. */
  limit?: number | string;
  /** A size over that limit, in megabytes as megabytes() writes it. */
  size?: string;
  /** The card that first named the same image. */
  first?: number;
}

/** Thrown for a file that is refused whole: nothing of it may be imported. */
export class SessionRefused extends Error {
  constructor(readonly refusal: SessionRefusal) {
    super(describeRefusal(refusal, 'en'));
    this.name = 'SessionRefused';
  }
}

const PROBLEM_MESSAGES: Record<SessionProblem, MessageKey> = {
  'no-json': 'sessionNoJson',
  'too-large': 'sessionTooLarge',
  'not-json': 'sessionNotJson',
  'not-session': 'sessionNotSession',
  'bad-field': 'sessionBadField',
  'forbidden-key': 'sessionForbiddenKey',
  'too-long': 'sessionTooLong',
  'too-deep': 'sessionTooDeep',
  duplicate: 'sessionDuplicate',
  'review-sha': 'sessionReviewSha',
  'review-no-image': 'sessionReviewNoImage',
  'images-too-large': 'sessionImagesTooLarge',
  'zip-unreadable': 'sessionZipUnreadable',
  'zip-truncated': 'sessionZipTruncated',
  'zip-too-many': 'sessionZipTooMany',
  'zip-bad-name': 'sessionZipBadName',
  'zip-duplicate': 'sessionZipDuplicate',
  'zip-method': 'sessionZipMethod',
  'zip-entry-too-large': 'sessionZipEntryTooLarge',
  'zip-damaged': 'sessionZipDamaged',
  'zip-no-session': 'sessionZipNoSession',
};

/** The refusal in words, in English or Korean. */
export function describeRefusal(refusal: SessionRefusal, lang: Lang): string {
  const text = (key: MessageKey, vars: Record<string, string | number | undefined>) =>
    fillIn(bilingual(key)[lang], vars, () => '');
  const where =
    refusal.card === undefined
      ? text('sessionWhereFile', {})
      : text('sessionWhereCard', { n: refusal.card, file: refusal.file ?? '?' });
  return text(PROBLEM_MESSAGES[refusal.problem], { ...refusal, where });
}

export function refuse(refusal: SessionRefusal): never {
  throw new SessionRefused(refusal);
}
