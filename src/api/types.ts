/** A quadrilateral in image pixels, clockwise from top-left. Never assumed axis-aligned: a card at an angle is not. */
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
 * Who made an answer, as known from the connection that was asked, never from the answer: the service
 * (NHN, or whatever a URL points at), the in-page sandbox from a specimen's ground truth, or this
 * device's own reader standing in for the service. A card from an imported session: unknown.
 */
export type AnswerSource = 'service' | 'specimen' | 'device' | 'imported';
