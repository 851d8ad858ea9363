import { OcrError } from './errors';

/**
 * Whether this page is a secure context: https://, or http:// from this computer (127.0.0.0/8, localhost).
 * Anywhere else the browser gives the page no crypto.subtle, and whatever it sends crosses the network in
 * clear, so it may send no credential. Node has no such flag, and nothing to refuse.
 */
export function isSecureContextNow(): boolean {
  return globalThis.isSecureContext !== false;
}

/** What every call refuses with on a page that is not a secure context. */
export function insecureContextError(): OcrError {
  return new OcrError(
    'insecure-context',
    'This page is not a secure context (plain HTTP from another computer): it has no Web Crypto to encrypt ' +
      'with and may send no credential; nothing was sent.',
  );
}
