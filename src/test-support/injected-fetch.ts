import { expect } from 'vitest';
import { createOcrClient, OcrError } from '@/api';
import { SANDBOX_URL } from './sandbox-fixture';

// Doubles for the client's injected fetch: a slow link, a proxy in front, a wrong endpoint.

/** The call's OcrError; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<OcrError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OcrError);
  return error as OcrError;
}

export const isPost = (input: RequestInfo | URL, init?: RequestInit) => new Request(input, init).method === 'POST';

/** Waits as a real fetch would: the request's signal cuts the wait short. */
export function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('The operation was aborted.', 'AbortError'));
      },
      { once: true },
    );
  });
}

/** A client of the sandbox's credentials over `fetch`. */
export function clientOver(fetch: typeof globalThis.fetch, timeoutMs?: number) {
  return createOcrClient({
    baseUrl: SANDBOX_URL,
    appKey: 'sandbox',
    auth: { kind: 'secret-key', secretKey: 'sandbox' },
    fetch,
    timeoutMs,
  });
}
