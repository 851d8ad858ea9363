import { describeResultCode } from '@/api/result-codes';

export const CORS_ALLOW_HEADERS =
  'Authorization, X-Key-Version, Symmetric-Key, Request-Key, Content-Type, X-NHN-Authorization';

export function corsHeaders(exposeRequestKey: boolean): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
    'Access-Control-Max-Age': '600',
    ...(exposeRequestKey ? { 'Access-Control-Expose-Headers': 'Request-Key' } : {}),
  };
}

export function jsonBody(resultCode: number, result?: unknown, detail?: string): Record<string, unknown> {
  const info = describeResultCode(resultCode);
  const message = resultCode === 0 ? 'SUCCESS' : detail ? `${info.message.en} ${detail}` : info.message.en;
  return {
    header: { isSuccessful: resultCode === 0, resultCode, resultMessage: message },
    ...(result === undefined ? {} : { result }),
  };
}

/** The service answers HTTP 200 with a failing header, except an oversize upload (413) and unknown URLs (404). */
export function statusFor(resultCode: number): number {
  if (resultCode === 4131000) return 413;
  if (resultCode === 4041007) return 404;
  return 200;
}

export class SandboxFailure extends Error {
  constructor(
    readonly resultCode: number,
    readonly detail?: string,
  ) {
    super(detail ?? String(resultCode));
  }
}
