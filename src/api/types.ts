/** A quadrilateral in image pixels, clockwise from top-left (DESIGN.md, "boxes"). Never axis-aligned by assumption. */
export type ImageQuad = {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly x3: number;
  readonly y3: number;
  readonly x4: number;
  readonly y4: number;
} & { readonly __space: 'image' };

export type OcrService = 'credit-card' | 'id-card';
export type AnalysisKind = 'credit-card' | 'id-card' | 'id-card-stand-alone';
export const ANALYSIS_SERVICE: Record<AnalysisKind, OcrService> = {
  'credit-card': 'credit-card',
  'id-card': 'id-card',
  'id-card-stand-alone': 'id-card',
};

export type IdType = 'resident' | 'driver' | 'passport';

export type Auth = { kind: 'secret-key'; secretKey: string } | { kind: 'access-token'; token: string };

export interface PublicKey {
  /** Base64 DER SubjectPublicKeyInfo, as the service sent it. */
  key: string;
  /** Sent back as X-Key-Version; a string ("0", "1.0"). */
  version: string;
}

export interface Recognised {
  value: string;
  conf: number;
}

export interface CreditCardResult {
  fileType: string;
  resolution: string;
  cardNums: Recognised[];
  totalCardNum: string;
  cardNumBoxes: ImageQuad[];
  validThru?: Recognised;
  validThruBox?: ImageQuad;
  boxes?: ImageQuad[];
  [extra: string]: unknown;
}

export interface KeyValue {
  key: string;
  value: string;
  conf: number;
  /** Absent or null where the service placed no box: the field is listed without one. */
  bbox?: ImageQuad | null;
  [extra: string]: unknown;
}

export interface IdCardResult {
  fileType: string;
  resolution: string;
  idType: string;
  keyValues: KeyValue[];
  boxes?: ImageQuad[];
  [extra: string]: unknown;
}

export interface Timings {
  prepareMs: number;
  encryptMs: number;
  requestMs: number;
  decryptMs: number;
  totalMs: number;
}

export type AnalysisStage = 'preparing' | 'encrypting' | 'sending' | 'decrypting';

export interface ImageInput {
  bytes: Uint8Array;
  /** Keeps the extension: the service reads the file type from it as well as the bytes. */
  fileName: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  onStage?: (stage: AnalysisStage) => void;
  /**
   * Awaited after encryption, just before the request leaves: the caller can encrypt while it
   * still checks the image, and stop the request by throwing (the error reaches the caller as is).
   * The wait counts in totalMs, not in requestMs.
   */
  beforeSend?: () => Promise<void>;
}

export interface Analysis<R> {
  result: R;
  timings: Timings;
  keyVersion: string;
}

/** Why an ID-card analysis came back without a Request-Key. */
export type RequestKeyMissingReason = 'id-type-not-verifiable' | 'header-not-exposed';

export interface IdCardAnalysis extends Analysis<IdCardResult> {
  requestKey: string | null;
  requestKeyMissingReason: RequestKeyMissingReason | null;
  /** Epoch ms the Request-Key was received; it is valid for one hour. */
  requestKeyIssuedAt: number;
}

export const REQUEST_KEY_TTL_MS = 60 * 60 * 1000;

export type AuthenticityFields =
  | { idType: 'resident'; name: string; residentNumber: string; issueDate: string }
  | {
      idType: 'driver';
      name: string;
      residentNumber: string;
      driverLicenseNumber: string;
      serialNum?: string;
    }
  | {
      idType: 'passport';
      name: string;
      passportNumber: string;
      issueDate: string;
      birthDate: string;
      expirationDate: string;
    };

export interface AuthenticityResult {
  isAuthenticity: boolean;
  [extra: string]: unknown;
}

interface SampleBase {
  file: string;
  title: { en: string; ko: string };
  sha256: string;
  width: number;
  height: number;
}

/** One bundled specimen (public/samples/manifest.json): `result` is the decrypted result the API would return. */
export type SampleEntry =
  | (SampleBase & { service: 'credit-card'; result: CreditCardResult })
  | (SampleBase & { service: 'id-card'; result: IdCardResult });

export interface SampleManifest {
  samples: SampleEntry[];
}

/**
 * Set by Cardlens's own sandbox on a result its on-device reader made rather than a specimen's ground
 * truth, so the viewer can say so. NHN never sends it; loose response schemas keep it.
 */
export const READER_FIELD = 'cardlensReader';
export const READ_ON_DEVICE = 'on-device';

/** What the on-device reader made of one image. */
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

/** What the on-device reader recognised inside boxes another reader placed, one text per box, in order. */
export type DeviceBoxesRead =
  { kind: 'read'; texts: { text: string; conf: number }[] } | Extract<DeviceRead, { kind: 'nothing' | 'unavailable' }>;
