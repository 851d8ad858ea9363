import type { AnalysisKind, AnalysisOutcome, AnalyzeVariables, AnswerSource } from '@/api';
import type { ImageMeta } from '@/images/image-meta';
import type { CardReview } from '@/model/review/review-model';
import type { ReaderService } from '@/reader-service';
import type * as Code from './engine-code';
import type { CardNavigation } from './card-walk';
import type { Picture } from './pictures';
import type { QueueItem } from './queue/queue-item';
import type { RepeatQuestion } from './queue/repeats';
import type { Row, TableView } from './queue/table-view';
import type { ReviewStorage } from './reviews';

export type View = 'card' | 'batch' | 'report';

/** What the on-device reader is asked to do besides the sandbox's reading. Both off by default. */
export interface DeviceChecks {
  /** Read every card NHN answered again on this device, and flag what the two read differently. */
  secondRead: boolean;
  /** Hold a photo with no card-like text before it is sent (and billed). */
  preSend: boolean;
}

/** Sends cards through a connection: the client of the settings in use when a batch started. */
export interface CardlensClient<C> {
  analyze: (request: AnalyzeVariables, connection: C) => Promise<AnalysisOutcome>;
  /** Who made an answer, known from the connection it came through, never from the answer. */
  answeredBy: (connection: C, image: ImageMeta, kind: AnalysisKind) => Promise<AnswerSource>;
}

/** A few booleans kept across visits (localStorage in the browser); never a secret or a value. */
export interface Preferences {
  get: (key: string) => string | null;
  set: (key: string, value: string) => void;
}

export interface Clock {
  /** Monotonic milliseconds: when cards start and finish. */
  now: () => number;
  /** Epoch milliseconds: when a verdict was given. */
  date: () => number;
}

export interface CardlensOptions<C> {
  client: CardlensClient<C>;
  /** The connection cards are sent through until setConnection names another (the app names it as it starts). */
  connection?: C;
  reader: Pick<ReaderService, 'readCard' | 'readBoxes'>;
  /**
   * Whether a connection's service reads on this device itself (the sandbox): then a failed card may be
   * read again to say which service it looks like even with the device checks off, since that costs no
   * download the user has not already had. Otherwise only a device check lets the reader run.
   */
  readsOnDevice?: (connection: C) => boolean;
  storage: { preferences: Preferences; reviews: ReviewStorage };
  /** The engine's heavy code (engine-code.ts), loaded when first needed. */
  code: () => Promise<typeof Code>;
  clock?: Clock;
  /** Thumbnails as object URLs; tests pass their own. */
  objectUrls?: { create: (blob: Blob) => string; revoke: (url: string) => void };
  /** Runs a task later (a bitmap's close once no redraw can use it); tests pass their own. */
  schedule?: (task: () => void, ms: number) => void;
  /** How long a change to a card nobody looks at may wait before it is shown (a batch renders a few times a second). */
  deferMs?: number;
}

export interface CardlensState {
  readonly items: readonly QueueItem[];
  readonly concurrency: number;
  readonly paused: boolean;
  /** The card on screen, which is decoded for display and whose changes show at once. */
  readonly selectedId: string | null;
  readonly view: View;
  /** The service the next cards go to. */
  readonly kind: AnalysisKind;
  readonly presentation: boolean;
  readonly checks: DeviceChecks;
  readonly threshold: number;
  readonly tableView: TableView;
  /** The selected card's picture shows its raw, unrotated pixels (never in presentation mode). */
  readonly rawPixels: boolean;
  /** A drop holding images already in the batch, waiting for the operator to say whether to send them again. */
  readonly repeatQuestion: RepeatQuestion | null;
  readonly picture: Picture | null;
  readonly reviews: ReadonlyMap<string, CardReview>;
  readonly keepOnDevice: boolean;
  /** The batch table's rows, filtered and sorted by its view; null until the table's code is here. */
  readonly rows: readonly Row[] | null;
  /** The order the batch table shows and `]`/`[` walk: the rows' ids, or the cards in the order they came. */
  readonly order: readonly string[];
  /** Where the card on screen stands among the cards `]` and `[` walk. */
  readonly navigation: CardNavigation;
  /** How many cards not yet in flight still go through an earlier connection than the one set now. */
  readonly waitingElsewhere: number;
}

/** What a screen may want to react to; the engine itself opens no panel. */
export type CardlensEvent = { type: 'failed'; id: string; error: unknown };
