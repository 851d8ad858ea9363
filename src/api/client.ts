import {
  encryptBytes,
  encryptText,
  generateSymmetricKey,
  parsePublicKey,
  wrapSymmetricKey,
  type RandomSource,
} from '@/envelope';
import { checkAuthenticityFields, PLAIN_AUTHENTICITY_FIELDS, AUTHENTICITY_RULES } from './authenticity-fields';
import { decryptCreditCard, decryptIdCard } from './decrypt-result';
import { apiVersionOf, missingCredential } from './credentials';
import { assertImage, parseResult, unusableKey } from './client-checks';
import { OcrError } from './errors';
import { insecureContextError, isSecureContextNow } from './secure-context';
import { timingsOf, type Marks } from './timings';
import { authenticityResultSchema, publicKeyResultSchema, rawCreditCardSchema, rawIdCardSchema } from './schemas';
import { abortable, imagePart, jsonRequest, send, type SealedBody } from './transport';
import {
  ANALYSIS_SERVICE,
  type Analysis,
  type AnalysisKind,
  type Auth,
  type AuthenticityFields,
  type AuthenticityResult,
  type CallOptions,
  type CreditCardResult,
  type IdCardAnalysis,
  type IdCardResult,
  type ImageInput,
  type OcrService,
  type PublicKey,
  type Timings,
} from './types';

export interface OcrClientOptions {
  baseUrl: string;
  appKey: string;
  auth: Auth;
  fetch?: typeof fetch;
  /** Per request, for the answer; default 60 s. The body's upload at a slow link's rate comes on top. */
  timeoutMs?: number;
  /** Monotonic milliseconds, for timings. */
  now?: () => number;
  /** Epoch milliseconds, for when a Request-Key arrived. */
  wallClock?: () => number;
  random?: RandomSource;
  /** Whether the page is a secure context; off one, every call is refused before anything is sent. */
  secureContext?: boolean;
}

export interface FetchedPublicKey extends PublicKey {
  latencyMs: number;
}

export interface OcrClient {
  readonly baseUrl: string;
  readonly apiVersion: 'v2.0' | 'v2.1';
  getPublicKey(service: OcrService, options?: { signal?: AbortSignal; fresh?: boolean }): Promise<FetchedPublicKey>;
  analyzeCreditCard(image: ImageInput, options?: CallOptions): Promise<Analysis<CreditCardResult>>;
  analyzeIdCard(image: ImageInput, options?: CallOptions): Promise<IdCardAnalysis>;
  analyzeIdCardStandAlone(image: ImageInput, options?: CallOptions): Promise<Analysis<IdCardResult>>;
  verifyAuthenticity(
    requestKey: string,
    fields: AuthenticityFields,
    options?: CallOptions,
  ): Promise<{ result: AuthenticityResult; timings: Timings }>;
}

const ANALYSIS_PATH: Record<AnalysisKind, string> = {
  'credit-card': 'credit-card',
  'id-card': 'id-card',
  'id-card-stand-alone': 'id-card/stand-alone',
};
const INVALID_KEY_VERSION = 4000301;
const VERIFIABLE_ID_TYPES = new Set(['resident', 'driver']);

export function createOcrClient(options: OcrClientOptions): OcrClient {
  const { appKey, auth } = options;
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const now = options.now ?? (() => performance.now());
  const wallClock = options.wallClock ?? (() => Date.now());
  const random = options.random ?? globalThis.crypto;
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const apiVersion = apiVersionOf(auth);
  const authHeaders: Record<string, string> =
    auth.kind === 'secret-key' ? { Authorization: auth.secretKey } : { 'X-NHN-Authorization': `Bearer ${auth.token}` };
  const url = (suffix: string) => `${baseUrl}/${apiVersion}/appkeys/${encodeURIComponent(appKey)}/${suffix}`;
  // Every call starts by fetching the public key, so these checks keep a credential off the wire: from a
  // page that is not a secure context, whatever the endpoint, and when one is empty.
  const secure = options.secureContext ?? isSecureContextNow();
  const missing = missingCredential(appKey, auth);

  // One client is bound to one (baseUrl, appKey, auth), so caching per service caches per all four.
  const publicKeys = new Map<OcrService, Promise<FetchedPublicKey>>();

  function getPublicKey(
    service: OcrService,
    opts: { signal?: AbortSignal; fresh?: boolean } = {},
  ): Promise<FetchedPublicKey> {
    if (!secure) return Promise.reject(insecureContextError());
    if (missing) return Promise.reject(new OcrError('not-configured', `There is no ${missing}; nothing was sent.`));
    if (opts.signal?.aborted) return Promise.reject(new OcrError('aborted', 'The request was cancelled.'));
    const cached = publicKeys.get(service);
    const shared = cached && !opts.fresh ? cached : fetchPublicKey(service);
    return opts.signal ? abortable(shared, opts.signal) : shared;
  }

  /**
   * One fetch of a service's key that every caller waiting on it shares, so it runs on no caller's
   * signal: cancelling one card must not reject the others waiting on the same key.
   */
  function fetchPublicKey(service: OcrService): Promise<FetchedPublicKey> {
    const started = now();
    const pending = send(
      fetchImpl,
      url(`public-keys/${service}`),
      { method: 'GET', headers: authHeaders },
      undefined,
      timeoutMs,
    ).then(({ result }) => {
      const key = parseResult(publicKeyResultSchema, result, 'public key');
      // Parsed (and kept parsed) as it arrives: a key out of bounds is refused here, before any wrap.
      try {
        parsePublicKey(key.key);
      } catch (cause) {
        throw unusableKey(service, cause);
      }
      return { ...key, latencyMs: now() - started };
    });
    publicKeys.set(service, pending);
    pending.catch(() => {
      if (publicKeys.get(service) === pending) publicKeys.delete(service);
    });
    return pending;
  }

  /** Encrypts and sends with a fresh symmetric key; on INVALID_KEY_VERSION refetches the key and tries once more. */
  async function sealAndSend(
    service: OcrService,
    path: string,
    buildBody: (key: Uint8Array) => Promise<SealedBody>,
    call: CallOptions,
  ) {
    const started = now();
    call.onStage?.('preparing');
    for (let attempt = 0; ; attempt++) {
      const publicKey = await getPublicKey(service, { signal: call.signal });
      const prepared = now();
      call.onStage?.('encrypting');
      const symmetricKey = generateSymmetricKey(random);
      let wrapped: string;
      try {
        wrapped = await wrapSymmetricKey(publicKey.key, symmetricKey, random);
      } catch (cause) {
        publicKeys.delete(service);
        throw unusableKey(service, cause);
      }
      let request: SealedBody;
      try {
        request = await buildBody(symmetricKey);
      } catch (cause) {
        throw new OcrError('invalid-request', `The request could not be encrypted: ${(cause as Error).message}.`, {
          cause,
        });
      }
      const { body, headers } = request;
      const encrypted = now();
      await call.beforeSend?.();
      const sending = now();
      call.onStage?.('sending');
      try {
        const sent = await send(
          fetchImpl,
          url(path),
          {
            method: 'POST',
            headers: { ...authHeaders, 'X-Key-Version': publicKey.version, 'Symmetric-Key': wrapped, ...headers },
            body,
          },
          call.signal,
          timeoutMs,
          request,
        );
        const receivedAt = wallClock();
        call.onStage?.('decrypting');
        return {
          ...sent,
          symmetricKey,
          keyVersion: publicKey.version,
          receivedAt,
          marks: { started, prepared, encrypted, sending, responded: now() },
        };
      } catch (error) {
        if (attempt === 0 && error instanceof OcrError && error.resultCode === INVALID_KEY_VERSION) {
          publicKeys.delete(service);
          continue;
        }
        throw error;
      }
    }
  }

  const timingsFrom = (marks: Marks) => timingsOf(marks, now());

  async function analyze(kind: AnalysisKind, image: ImageInput, call: CallOptions) {
    assertImage(image);
    return sealAndSend(
      ANALYSIS_SERVICE[kind],
      ANALYSIS_PATH[kind],
      async (key) => imagePart(await encryptBytes(key, image.bytes), image.fileName, image.bytes.length),
      call,
    );
  }

  async function analyzeIdCardKind(kind: 'id-card' | 'id-card-stand-alone', image: ImageInput, call: CallOptions) {
    const sent = await analyze(kind, image, call);
    const result = await decryptIdCard(sent.symmetricKey, parseResult(rawIdCardSchema, sent.result, 'ID card'));
    return { sent, result };
  }

  return {
    baseUrl,
    apiVersion,
    getPublicKey,

    async analyzeCreditCard(image, call = {}) {
      const sent = await analyze('credit-card', image, call);
      const result = await decryptCreditCard(
        sent.symmetricKey,
        parseResult(rawCreditCardSchema, sent.result, 'credit card'),
      );
      return { result, timings: timingsFrom(sent.marks), keyVersion: sent.keyVersion };
    },

    async analyzeIdCard(image, call = {}) {
      const { sent, result } = await analyzeIdCardKind('id-card', image, call);
      const requestKey = sent.response.headers.get('Request-Key');
      const requestKeyMissingReason = requestKey
        ? null
        : VERIFIABLE_ID_TYPES.has(result.idType)
          ? 'header-not-exposed'
          : 'id-type-not-verifiable';
      return {
        result,
        timings: timingsFrom(sent.marks),
        keyVersion: sent.keyVersion,
        requestKey,
        requestKeyMissingReason,
        requestKeyIssuedAt: sent.receivedAt,
      };
    },

    async analyzeIdCardStandAlone(image, call = {}) {
      const { sent, result } = await analyzeIdCardKind('id-card-stand-alone', image, call);
      return { result, timings: timingsFrom(sent.marks), keyVersion: sent.keyVersion };
    },

    async verifyAuthenticity(requestKey, fields, call = {}) {
      const fieldProblems = checkAuthenticityFields(fields);
      if (fieldProblems.length > 0) {
        const names = fieldProblems.map((p) => p.field).join(', ');
        throw new OcrError('invalid-request', `Fix these fields before sending: ${names}.`, { fieldProblems });
      }
      if (typeof requestKey !== 'string' || requestKey.trim() === '') {
        throw new OcrError('invalid-request', 'There is no Request-Key: analyse the ID card (not stand-alone) first.');
      }
      const sent = await sealAndSend(
        'id-card',
        'id-card/authenticity',
        async (key) => {
          const values = fields as unknown as Record<string, string | undefined>;
          const plain = PLAIN_AUTHENTICITY_FIELDS[fields.idType];
          const body: Record<string, string> = { idType: fields.idType };
          for (const { field } of AUTHENTICITY_RULES[fields.idType]) {
            const value = values[field];
            if (value === undefined || value === '') continue;
            body[field] = plain.includes(field) ? value : await encryptText(key, value);
          }
          return jsonRequest(body, { 'Request-Key': requestKey });
        },
        call,
      );
      const result = parseResult(authenticityResultSchema, sent.result, 'authenticity');
      return { result, timings: timingsFrom(sent.marks) };
    },
  };
}
