import * as v from 'valibot';
import { OcrError } from './errors';
import { describeIssues } from './transport';
import type { ImageInput, OcrService } from './types';

// The client's checks at its edges: what the caller passes, what the service answers, the key it sends.

export function parseResult<S extends v.GenericSchema>(schema: S, result: unknown, what: string): v.InferOutput<S> {
  const parsed = v.safeParse(schema, result);
  if (!parsed.success) {
    throw new OcrError(
      'malformed-response',
      `The ${what} result does not match the documented shape (${describeIssues(parsed.issues)}).`,
    );
  }
  return parsed.output;
}

/** The envelope's refusal of a key, said as the client's: nothing is sent under a key it would not use. */
export function unusableKey(service: OcrService, cause: unknown): OcrError {
  return new OcrError(
    'unusable-public-key',
    `The service's ${service} public key was refused, so nothing was sent: ${(cause as Error).message}.`,
    { cause },
  );
}

export function assertImage(image: ImageInput): void {
  if (!image || !(image.bytes instanceof Uint8Array) || typeof image.fileName !== 'string') {
    throw new OcrError('invalid-request', 'image must be { bytes: Uint8Array, fileName: string }');
  }
}
