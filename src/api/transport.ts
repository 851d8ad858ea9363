import * as v from 'valibot';
import { apiError, NETWORK_MESSAGE, OcrError } from './errors';
import { envelopeSchema } from './schemas';

export interface Sent {
  response: Response;
  result: unknown;
}

/** Names where a response broke its schema, without echoing any value from it. */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.') || '(root)';
      return `${path}: expected ${issue.expected ?? 'a different value'}`;
    })
    .join('; ');
}

function failureOf(
  cause: unknown,
  userSignal: AbortSignal | undefined,
  timeout: AbortSignal,
  timeoutMs: number,
): OcrError {
  if (cause instanceof OcrError) return cause;
  if (userSignal?.aborted) return new OcrError('aborted', 'The request was cancelled.', { cause });
  if (timeout.aborted)
    return new OcrError('timeout', `The service did not answer within ${Math.round(timeoutMs / 1000)} s.`, { cause });
  return new OcrError('network', NETWORK_MESSAGE, { cause });
}

/**
 * One HTTP exchange with the documented `{ header, result }` body: the body is parsed whatever
 * the status (an oversize upload comes back as HTTP 413 with a JSON header), and a failed header
 * becomes an `api` error.
 */
export async function send(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit,
  userSignal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<Sent> {
  if (userSignal?.aborted) throw new OcrError('aborted', 'The request was cancelled.');
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = userSignal ? AbortSignal.any([userSignal, timeout]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(url, { ...init, signal });
    text = await response.text();
  } catch (cause) {
    throw failureOf(cause, userSignal, timeout, timeoutMs);
  }

  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = v.safeParse(envelopeSchema, body);
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
