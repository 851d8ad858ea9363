import { mutationOptions, queryOptions } from '@tanstack/react-query';
import type { OcrClient } from './client';
import { analyzeWith, type AnalyzeVariables } from './analysis';
import type { AuthenticityFields, CallOptions, OcrService } from './types';

/**
 * Who the client talks to, for query keys. `revision` changes whenever the credentials change, so
 * that keys depend on the secret without ever containing it.
 */
export interface ConnectionIdentity {
  baseUrl: string;
  appKey: string;
  authKind: 'secret-key' | 'access-token';
  revision: number;
}

export const ocrKeys = {
  all: ['ocr'] as const,
  connection: (c: ConnectionIdentity) => [...ocrKeys.all, c.baseUrl, c.appKey, c.authKind, c.revision] as const,
  publicKey: (c: ConnectionIdentity, service: OcrService) => [...ocrKeys.connection(c), 'public-key', service] as const,
};

/** The connection check: a fresh fetch of one public key, with what the UI shows about it. */
export function publicKeyCheckOptions(client: OcrClient, connection: ConnectionIdentity, service: OcrService) {
  return queryOptions({
    queryKey: ocrKeys.publicKey(connection, service),
    queryFn: async ({ signal }) => {
      const key = await client.getPublicKey(service, { signal, fresh: true });
      // Loaded here: the envelope's key parser is not wanted on the first screen.
      const { describePublicKey } = await import('./public-key-info');
      return { version: key.version, latencyMs: key.latencyMs, ...(await describePublicKey(key.key)) };
    },
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    retry: false,
  });
}

/** Analyses are billed, so they are never retried by the query layer and their results never persisted. */
export function analyzeMutationOptions(client: OcrClient, connection: ConnectionIdentity) {
  return mutationOptions({
    mutationKey: [...ocrKeys.connection(connection), 'analyze'],
    retry: false,
    gcTime: 0,
    mutationFn: (variables: AnalyzeVariables) => analyzeWith(client, variables),
  });
}

export interface VerifyVariables extends CallOptions {
  requestKey: string;
  fields: AuthenticityFields;
}

export function verifyAuthenticityMutationOptions(client: OcrClient, connection: ConnectionIdentity) {
  return mutationOptions({
    mutationKey: [...ocrKeys.connection(connection), 'authenticity'],
    retry: false,
    gcTime: 0,
    mutationFn: ({ requestKey, fields, ...call }: VerifyVariables) =>
      client.verifyAuthenticity(requestKey, fields, call),
  });
}
