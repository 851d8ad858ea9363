import type { CreditCardResult, IdCardResult, OcrService } from '@/api/types';
import type { Quad } from '@/lib/quad';
import type { ReaderBackend } from './reader-backend';

/** What the on-device reader made of one image, in the service's result shape. */
export type DeviceRead =
  | { kind: 'read'; result: CreditCardResult | IdCardResult }
  /**
   * Nothing the parser could use: `lookedFor` says what was sought, as a sentence ("Looked for …").
   * `cardLike` says whether the image held card-like text at all: a run of digits like a card
   * number's group (credit cards) or a resident number's first half (ID cards); null when the image
   * could not be decoded for reading, so nobody can tell.
   */
  | { kind: 'nothing'; lookedFor: string; cardLike: boolean | null }
  /** The reader could not start or crashed while reading (no WebAssembly, no memory, models missing): the device's fault, not the image's; `why` says which. */
  | { kind: 'unavailable'; why: string };

/**
 * Whether the reader is loaded and ready: runtime and models here, both sessions made (as the first read
 * needs), and where its models run, when its loader says.
 */
export type DeviceWarm = { kind: 'ready'; backend?: ReaderBackend } | Extract<DeviceRead, { kind: 'unavailable' }>;

/** What the on-device reader recognised inside boxes another reader placed, one text per box, in order. */
export type DeviceBoxesRead =
  | { kind: 'read'; texts: { text: string; conf: number; disputed?: boolean }[] }
  | Extract<DeviceRead, { kind: 'nothing' | 'unavailable' }>;

/** Reads one image (original bytes) for one service. */
/** What a read needs: `hangul: false` for a caller that looks at digits only (the check before sending). */
export interface ReadCardOptions {
  hangul?: boolean;
}

export type ReadCard = (image: Uint8Array, service: OcrService, options?: ReadCardOptions) => Promise<DeviceRead>;

/** Which boxes hold Hangul: `hangul[i]` true reads box i with the Hangul recogniser, not the digit one. */
export interface ReadBoxesOptions {
  hangul?: readonly boolean[];
}

/** Recognises the text inside given boxes of an image (original pixels), without detection. */
export type ReadBoxes = (
  image: Uint8Array,
  boxes: readonly Quad[],
  options?: ReadBoxesOptions,
) => Promise<DeviceBoxesRead>;

/** Bytes of the reader's runtime and models fetched so far, of all it needs. */
export interface ReaderDownload {
  loaded: number;
  total: number;
}

/**
 * The on-device reader as its users see it: the page's second read and check before sending, the
 * in-page sandbox (through the page), the camera. Never throws: a read that cannot happen says why.
 */
export interface ReaderService {
  readCard: ReadCard;
  readBoxes: ReadBoxes;
  /** Starts the worker and loads the reader now, so that the first image does not wait for it. */
  warm: () => Promise<DeviceWarm>;
  /** Follows the reader's first download; returns a function that stops following. */
  onDownload: (listener: (progress: ReaderDownload) => void) => () => void;
}
