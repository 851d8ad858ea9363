import * as v from 'valibot';
import { megabytes } from '@/lib/byte-size';
import { withoutHidden } from '@/lib/hidden-characters';
import { MAX_IMAGE_BYTES } from '@/lib/image-format';
import { NETWORK_MESSAGE, OcrError } from './errors';
import { describeResultCode } from './result-codes';
import { envelopeSchema } from './schemas';

export interface Sent {
  response: Response;
  result: unknown;
}

/** A response carries only text fields and boxes: anything longer is not the OCR API, and is never read whole. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** A slow uplink, conservatively: the upload of a 20 MB card takes about 11 minutes at this rate. */
export const UPLOAD_BITS_PER_SECOND = 256_000;
const MAX_UPLOAD_SIZE_EXCEEDED = 4131000;

/**
 * The time a request may take: `timeoutMs` for the answer, plus the body's upload at a slow link's
 * rate. fetch cannot tell when the body has left, so the upload is budgeted, not measured.
 */
export function requestTimeoutMs(timeoutMs: number, bodyBytes: number): number {
  return timeoutMs + Math.ceil((bodyBytes * 8 * 1000) / UPLOAD_BITS_PER_SECOND);
}

/** Sizes of an upload: the body on the wire (its upload time is added to the timeout), and what it carries. */
export interface Upload {
  bytes: number;
  /** The image's own bytes, or the JSON's: what the service's size limit is about. */
  payloadBytes: number;
}

/** An encrypted request body, and its sizes. */
export interface SealedBody extends Upload {
  body: BodyInit;
  headers?: Record<string, string>;
}

/** The multipart body of an analysis: one part `image` holding the ciphertext of `imageBytes` bytes. */
export function imagePart(cipher: Uint8Array, fileName: string, imageBytes: number): SealedBody {
  const form = new FormData();
  // The part's body is the raw ciphertext, not Base64; the filename keeps the extension.
  form.append('image', new Blob([cipher as BlobPart]), fileName);
  // Boundaries and part headers come to about 200 bytes in browsers.
  return {
    body: form,
    bytes: cipher.length + 256 + new TextEncoder().encode(fileName).length,
    payloadBytes: imageBytes,
  };
}

/** A JSON body, as authenticity sends it. */
export function jsonRequest(value: unknown, headers: Record<string, string>): SealedBody {
  const json = JSON.stringify(value);
  const bytes = new TextEncoder().encode(json).length;
  return { body: json, headers: { ...headers, 'Content-Type': 'application/json' }, bytes, payloadBytes: bytes };
}

/** Names where a response broke its schema, without echoing any value from it. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.') || '(root)';
      // A length is not a value: saying it tells an answer over the bounds from one of the wrong shape.
      if (issue.type === 'max_length') return `${path}: length ${issue.received}, over ${issue.expected?.slice(2)}`;
      return `${path}: expected ${issue.expected ?? 'a different value'}`;
    })
    .join('; ');
}

interface Exchange {
  userSignal: AbortSignal | undefined;
  timeout: AbortSignal;
  limitMs: number;
  upload: Upload;
}

function failureOf(cause: unknown, { userSignal, timeout, limitMs, upload }: Exchange): OcrError {
  const bodyBytes = upload.bytes;
  if (cause instanceof OcrError) return cause;
  if (userSignal?.aborted) return new OcrError('aborted', 'The request was cancelled.', { cause });
  if (timeout.aborted)
    return new OcrError('timeout', `The service did not answer within ${Math.round(limitMs / 1000)} s.`, { cause });
  // A gateway refusing an oversize upload without CORS headers reaches a browser as a bare network
  // error: the status is lost, but a body over the limit is reason enough to name the size.
  if (bodyBytes > MAX_IMAGE_BYTES) {
    return apiError(
      MAX_UPLOAD_SIZE_EXCEEDED,
      `No answer could be read, and the request body was ${megabytes(bodyBytes)} MB, over the service's ` +
        `${megabytes(MAX_IMAGE_BYTES)} MB limit: a gateway refusing it without CORS headers looks like this.`,
      undefined,
    );
  }
  return new OcrError('network', NETWORK_MESSAGE, { cause });
}

/** Reads the body as text, but no more than MAX_RESPONSE_BYTES of it: past that the stream is cancelled. */
async function readCapped(response: Response, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  // A body from an injected fetch does not hear the request's signal: cancel it here.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      // An abort cancels the reader, which then reports a done that is not the body's end.
      if (signal.aborted) throw signal.reason;
      if (done) return text + decoder.decode();
      read += value.byteLength;
      if (read > MAX_RESPONSE_BYTES) {
        await reader.cancel().catch(() => undefined);
        throw new OcrError(
          'malformed-response',
          `The service answered with more than ${megabytes(MAX_RESPONSE_BYTES)} MB; a Document OCR answer ` +
            'holds only text fields, so this is not one. Check the endpoint.',
          { status: response.status },
        );
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
}

/**
 * An HTTP 413 is a refusal for size whatever its body. For an upload over the service's limit it is
 * the service's size error, whoever sent it. For one within the limit it cannot be the service's, so
 * it comes from a server in between (a proxy's body limit: nginx's is 1 MB unless set), whatever its
 * body says, and "shrink it below 20 MB" about a file already below would lead nowhere.
 */
function refusedForSize(parsed: v.SafeParseResult<typeof envelopeSchema>, upload: Upload): OcrError {
  const header = parsed.success ? parsed.output.header : undefined;
  if (upload.payloadBytes > MAX_IMAGE_BYTES)
    return apiError(
      MAX_UPLOAD_SIZE_EXCEEDED,
      header?.resultMessage ?? 'HTTP 413 from a gateway or proxy in front of the service, with no result header.',
      413,
    );
  return new OcrError(
    'too-large-for-proxy',
    `HTTP 413 ${header ? `(${header.resultCode}) ` : 'with no result header '}for an upload of ` +
      `${megabytes(upload.payloadBytes)} MB, within the service's limit: a server between the page and the ` +
      'service refused it. Raise its request body limit (client_max_body_size in nginx).',
    { status: 413, uploadBytes: upload.payloadBytes },
  );
}

/**
 * One HTTP exchange with the documented `{ header, result }` body. NHN answers HTTP 200 with the
 * result code in the header; a JSON body is parsed whatever the status, and an HTTP 413 is a refusal
 * for size whatever its body (a gateway or proxy in front may send one, in HTML and without CORS
 * headers), told apart by refusedForSize.
 */
export async function send(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  userSignal: AbortSignal | undefined,
  timeoutMs: number,
  /** What the request uploads; its upload time is added to the timeout. */
  upload: Upload = { bytes: 0, payloadBytes: 0 },
): Promise<Sent> {
  if (userSignal?.aborted) throw new OcrError('aborted', 'The request was cancelled.');
  const limitMs = requestTimeoutMs(timeoutMs, upload.bytes);
  const timeout = AbortSignal.timeout(limitMs);
  const signal = userSignal ? AbortSignal.any([userSignal, timeout]) : timeout;
  const exchange: Exchange = { userSignal, timeout, limitMs, upload };
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { ...init, signal });
    text = await readCapped(response, signal);
  } catch (cause) {
    throw failureOf(cause, exchange);
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = v.safeParse(envelopeSchema, body);
  if (response.status === 413) throw refusedForSize(parsed, upload);
  if (!parsed.success) {
    if (!response.ok) {
      throw new OcrError(
        'http',
        `The service answered HTTP ${response.status} ${response.statusText}`.trim() + ' with no result header.',
        {
          status: response.status,
        },
      );
    }
    const what =
      body === undefined
        ? 'a body that is not JSON'
        : `JSON without the documented header (${describeIssues(parsed.issues)})`;
    throw new OcrError('malformed-response', `The service answered with ${what}.`, { status: response.status });
  }
  const { header, result } = parsed.output;
  if (!header.isSuccessful || header.resultCode !== 0) {
    const resultKey = typeof header.resultKey === 'string' ? header.resultKey : undefined;
    throw apiError(header.resultCode, header.resultMessage, response.status, resultKey);
  }
  return { response, result };
}

/** `promise`, or an 'aborted' error as soon as `signal` aborts; the work behind the promise goes on for others. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  const cancelled = () => new OcrError('aborted', 'The request was cancelled.');
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export function apiError(
  resultCode: number,
  resultMessage: string,
  status: number | undefined,
  resultKey?: string,
): OcrError {
  // Both are the answer's own words, shown to the user: a key is a short constant's name or nothing, and
  // a message loses the characters that would hide or reorder text on screen.
  const info = describeResultCode(resultCode, resultKey && /^[A-Z0-9_]{1,80}$/.test(resultKey) ? resultKey : undefined);
  return new OcrError('api', `${info.key} (${resultCode}): ${info.message.en}`, {
    resultCode,
    resultKey: info.key,
    resultMessage: withoutHidden(resultMessage).text,
    status,
  });
}
