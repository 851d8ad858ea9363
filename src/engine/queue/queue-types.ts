import type { AnalysisOutcome, AnalyzeVariables, AnswerSource, Localised } from '@/api';
import type { PreSendOutcome } from '@/model/second-read/pre-send';
import type { Inspected, PreflightRejected } from '@/images/preflight';
import type { QueueItem } from './queue-item';
import type { ImageMeta } from '@/images/image-meta';

/** The decode that proves every pixel is there, and the thumbnail it makes on the way. */
export type DecodeCheck = { ok: true; thumbnail: Promise<Blob> } | PreflightRejected;

export interface QueueDeps<C> {
  /** Reads, hashes and checks the header; cheap next to a decode. Never throws. */
  inspect: (file: File) => Promise<(Inspected & { caution?: Localised }) | PreflightRejected>;
  /** Decodes the whole image; `watchedId` names the card on screen, which is decoded at display size. */
  confirmDecode: (file: File, inspected: Inspected, watchedId: string | null) => Promise<DecodeCheck>;
  /** Looks at a decoded card before it is sent, when the operator asked for that; absent: never held. */
  checkBeforeSend?: (bytes: Uint8Array, kind: QueueItem['kind']) => Promise<PreSendOutcome>;
  /** Sends one card through the connection its batch started with. */
  analyze: (request: AnalyzeVariables, connection: C) => Promise<AnalysisOutcome>;
  /** Who made an answer, from the connection it came through. */
  answeredBy: (connection: C, image: ImageMeta, kind: QueueItem['kind']) => Promise<AnswerSource>;
  /** Monotonic milliseconds, for the items' start and finish times. */
  now?: () => number;
  /** Files read and hashed at once. */
  checkingSlots?: number;
  /** Whole decodes at once: a 50-megapixel photo decodes to 200 MB. */
  decodeSlots?: number;
  /** How long a change to a card that is not watched may wait before listeners hear of it. */
  deferMs?: number;
  objectUrls?: { create: (blob: Blob) => string; revoke: (url: string) => void };
}

export interface QueueState {
  readonly items: readonly QueueItem[];
  readonly concurrency: number;
  readonly paused: boolean;
}

/** What the screens may need to react to; the queue itself knows nothing of panels or selection. */
export type QueueEvent = { type: 'failed'; id: string; error: unknown };

/** Object URLs for thumbnails, as the browser makes them. */
export const DEFAULT_CONCURRENCY = 2;
export const MAX_CONCURRENCY = 8;
/** Requests at a time: a whole number from 1 to MAX_CONCURRENCY. */
export const concurrencyOf = (n: number) => Math.min(MAX_CONCURRENCY, Math.max(1, Math.round(n)));
export const INITIAL_QUEUE: QueueState = { items: [], concurrency: DEFAULT_CONCURRENCY, paused: false };

export const BLOB_URLS: NonNullable<QueueDeps<unknown>['objectUrls']> = {
  create: (blob) => URL.createObjectURL(blob),
  revoke: (url) => URL.revokeObjectURL(url),
};
