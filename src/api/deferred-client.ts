import type { OcrClient, OcrClientOptions } from './client';
import { apiVersionOf } from './credentials';

/** A client whose every call first waits for `load`, so that nothing waits for it before a call. */
export function deferredClient(
  baseUrl: string,
  apiVersion: OcrClient['apiVersion'],
  load: () => Promise<OcrClient>,
): OcrClient {
  return {
    baseUrl,
    apiVersion,
    getPublicKey: (...args) => load().then((c) => c.getPublicKey(...args)),
    analyzeCreditCard: (...args) => load().then((c) => c.analyzeCreditCard(...args)),
    analyzeIdCard: (...args) => load().then((c) => c.analyzeIdCard(...args)),
    analyzeIdCardStandAlone: (...args) => load().then((c) => c.analyzeIdCardStandAlone(...args)),
    verifyAuthenticity: (...args) => load().then((c) => c.verifyAuthenticity(...args)),
  };
}

const clientCode = () => import('./client');

/** Fetches the client's code before its first call, as the app does while the browser is idle. */
export const prefetchClient = (): Promise<void> => clientCode().then(() => undefined);

/**
 * The client (client.ts), its code loaded at its first call rather than with the first screen: the
 * envelope and the response schemas are not needed before a card is sent. A load that failed is
 * tried again at the next call.
 */
export function createOcrClient(options: OcrClientOptions): OcrClient {
  let client: Promise<OcrClient> | null = null;
  return deferredClient(options.baseUrl.replace(/\/+$/, ''), apiVersionOf(options.auth), () => {
    client ??= clientCode().then(({ createOcrClient }) => createOcrClient(options));
    client.catch(() => (client = null));
    return client;
  });
}
