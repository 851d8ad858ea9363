import type { AnalysisKind, AnalysisOutcome, AnalysisStage, AnswerSource, Localised, OcrService } from '@/api';
import type { ImageMeta } from '@/images/image-meta';
import type { PhotoQuality } from '@/model/second-read/photo-quality';
import type { SecondRead } from '@/model/second-read/second-read-types';

export type ItemStatus = 'checking' | 'queued' | 'working' | 'done' | 'failed' | 'rejected' | 'cancelled' | 'held';

/**
 * Still on its way: being checked, waiting for a slot, or in flight. Every other status is final; a
 * card held by the check before sending waits for the operator, with nothing of it in memory.
 */
export const inProgress = (status: ItemStatus) => status === 'checking' || status === 'queued' || status === 'working';

export interface QueueItem {
  id: string;
  order: number;
  /** The file the user chose. Its name is shown on screen only; it never leaves the page. */
  file: File;
  kind: AnalysisKind;
  status: ItemStatus;
  stage?: AnalysisStage;
  image?: ImageMeta;
  rejection?: Localised;
  /** Why the on-device check held it before sending; "Send anyway" sends it unchecked. */
  hold?: Localised;
  /** Sent without the on-device check, as the operator asked. */
  unchecked?: boolean;
  /** Sent, but worth a word: a file that changed since it was added, or one the browser may draw unfaithfully. */
  caution?: Localised;
  /** The photo's quality as the check before sending predicted it (absent when that check is off); a retry keeps it unless the file changed. */
  quality?: PhotoQuality;
  error?: unknown;
  /** Failed as no card of its service's kind, and this device read the other service's number on it. */
  looksLike?: OcrService;
  outcome?: AnalysisOutcome;
  answeredBy?: AnswerSource;
  /** The on-device reader's second read of NHN's answer, when asked for. */
  secondRead?: SecondRead;
  /** Its result has left the page in an export (or came from one). */
  exported?: boolean;
  /** A small object URL; full-size bitmaps exist only for the card in the viewer. */
  thumbnail?: string;
  startedAt?: number;
  finishedAt?: number;
}

/**
 * What a redacted export calls a card instead of the file's name, which is often a person's: the first
 * 12 hex digits of its image's SHA-256 (the key its review is kept under), or, for a file refused
 * before it was hashed, its place in the batch.
 */
export const exportName = (item: Pick<QueueItem, 'order' | 'image'>): string =>
  item.image ? `image-${item.image.sha256.slice(0, 12)}` : `card-${item.order + 1}`;

/** Whether leaving the page now would lose work: a card still on its way, or a result never exported. */
export const unsaved = (item: QueueItem) => inProgress(item.status) || (item.status === 'done' && !item.exported);

/** What a retry forgets: the card is read, checked and sent again from its file. */
export const RETRY_CLEARS = {
  ...{ error: undefined, looksLike: undefined, outcome: undefined, answeredBy: undefined, secondRead: undefined },
  ...{ rejection: undefined, hold: undefined, caution: undefined },
} satisfies Partial<QueueItem>;

/** Both cautions, when a card has earned a second one: neither hides the other. */
export const joinCautions = (first: Localised | undefined, second: Localised | undefined): Localised | undefined =>
  first && second ? { en: `${first.en} ${second.en}`, ko: `${first.ko} ${second.ko}` } : (first ?? second);

/** What a card the check before sending let through keeps: the photo's quality, and its caution after any it had. */
export const passedCheck = (
  item: Pick<QueueItem, 'caution'> | undefined,
  verdict: Pick<QueueItem, 'caution' | 'quality'>,
): Partial<QueueItem> => ({ quality: verdict.quality, caution: joinCautions(item?.caution, verdict.caution) });
