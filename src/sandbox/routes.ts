import type { OcrService } from '@/api/types';

export type Route =
  | { kind: 'public-key'; service: OcrService }
  | { kind: 'analyze'; service: OcrService; path: 'credit-card' | 'id-card' | 'id-card/stand-alone' }
  | { kind: 'authenticity' };

/** `/{version}/appkeys/{appKey}/{rest}`: the three groups are the version, the app key and the rest. */
export const ROUTE = /^\/(v2\.0|v2\.1)\/appkeys\/([^/]+)\/(.+)$/;

export function routeOf(method: string, rest: string): Route | null {
  const publicKey = /^public-keys\/(credit-card|id-card)$/.exec(rest);
  if (publicKey && method === 'GET') return { kind: 'public-key', service: publicKey[1] as OcrService };
  if (method !== 'POST') return null;
  if (rest === 'credit-card') return { kind: 'analyze', service: 'credit-card', path: rest };
  if (rest === 'id-card' || rest === 'id-card/stand-alone') return { kind: 'analyze', service: 'id-card', path: rest };
  if (rest === 'id-card/authenticity') return { kind: 'authenticity' };
  return null;
}
