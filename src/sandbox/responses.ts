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

/**
 * NHN's API guides say every request is answered HTTP 200, success or failure told by the header in the
 * body ("Common Response Information" in
 * https://docs.nhncloud.com/en/AI%20Service/OCR/en/document-ocr-api-guide-v2.0/ and the v2.1 guide). So
 * every result code, 4131000 and 4041007 included, comes back as HTTP 200. No NHN document says a
 * gateway answers otherwise, but a proxy in front may still refuse an oversize upload with HTTP 413: the
 * Node server does so for a body past its cap (scripts/sandbox-server.ts).
 */
export function statusFor(_resultCode: number): number {
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
