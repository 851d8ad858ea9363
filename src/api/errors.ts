import { CONNECTION_RESULT_CODES } from './connection-codes';
import type { Localised } from './result-codes';

export type OcrErrorKind =
  | 'api'
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'decrypt'
  | 'malformed-response'
  /** The service's public key is outside the envelope's bounds (size, exponent) or not an RSA key: nothing was sent. */
  | 'unusable-public-key'
  | 'invalid-request'
  | 'not-configured'
  /** Not sent: the endpoint would carry the secret in clear and the user has not agreed to that. */
  | 'insecure-endpoint'
  /** HTTP 413 from a server between the page and the service (a proxy's body limit), not the service's own. */
  | 'too-large-for-proxy'
  /** Not sent: the page itself is not a secure context, whatever the endpoint. */
  | 'insecure-context';

/** Failures whose fix is in the connection settings, whatever else they carry. */
const CONNECTION_KINDS = new Set<OcrErrorKind>([
  'network',
  'not-configured',
  'insecure-endpoint',
  'insecure-context',
  'unusable-public-key',
]);

export interface FieldProblem {
  field: string;
  message: Localised;
}

interface OcrErrorDetails {
  resultCode?: number;
  resultKey?: string;
  resultMessage?: string;
  status?: number;
  /** The size of what was uploaded (the image, or the JSON): said when a server refused it as too large. */
  uploadBytes?: number;
  fieldProblems?: FieldProblem[];
  cause?: unknown;
}

/** Every failure of the client. Never carries a secret, a key or a decrypted value. */
export class OcrError extends Error {
  override readonly name = 'OcrError';
  readonly resultCode?: number;
  readonly resultKey?: string;
  readonly resultMessage?: string;
  readonly status?: number;
  readonly uploadBytes?: number;
  readonly fieldProblems?: FieldProblem[];

  constructor(
    readonly kind: OcrErrorKind,
    message: string,
    details: OcrErrorDetails = {},
  ) {
    super(message, { cause: details.cause });
    this.resultCode = details.resultCode;
    this.resultKey = details.resultKey;
    this.resultMessage = details.resultMessage;
    this.status = details.status;
    this.uploadBytes = details.uploadBytes;
    this.fieldProblems = details.fieldProblems;
  }

  /** True when the fix is in the connection settings: the UI opens that panel. */
  get isConnectionProblem(): boolean {
    if (CONNECTION_KINDS.has(this.kind)) return true;
    if (this.kind === 'http') return this.status === 401 || this.status === 403 || this.status === 404;
    return this.kind === 'api' && this.resultCode !== undefined && CONNECTION_RESULT_CODES.has(this.resultCode);
  }
}

export const NETWORK_MESSAGE =
  'The request did not reach the service. Against the real NHN endpoint this is usually CORS: the service does ' +
  'not allow browser calls from this origin. Choose the "Dev proxy" endpoint (the dev and preview servers proxy ' +
  'it to NHN), or put the app behind a reverse proxy as the README shows. Otherwise check the network and the URL.';
