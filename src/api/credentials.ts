import type { Auth } from './types';

/** v2.0 takes a secret key, v2.1 an access token. */
export const apiVersionOf = (auth: Auth): 'v2.0' | 'v2.1' => (auth.kind === 'secret-key' ? 'v2.0' : 'v2.1');

/** The first blank credential, which no request may be sent without; null when all are there. */
export function missingCredential(appKey: string, auth: Auth): 'app key' | 'secret key' | 'access token' | null {
  if (!appKey.trim()) return 'app key';
  if (auth.kind === 'secret-key') return auth.secretKey.trim() ? null : 'secret key';
  return auth.token.trim() ? null : 'access token';
}
