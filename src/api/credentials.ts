import type { Auth } from './types';

/** The first blank credential, which no request may be sent without; null when all are there. */
export function missingCredential(appKey: string, auth: Auth): 'app key' | 'secret key' | 'access token' | null {
  if (!appKey.trim()) return 'app key';
  if (auth.kind === 'secret-key') return auth.secretKey.trim() ? null : 'secret key';
  return auth.token.trim() ? null : 'access token';
}
