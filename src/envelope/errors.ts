export type EnvelopeErrorCode =
  'bad-key' | 'bad-public-key' | 'bad-base64' | 'bad-ciphertext' | 'message-too-long' | 'bad-input';

/** Every failure of the envelope, with a stable `code` callers can branch on. */
export class EnvelopeError extends Error {
  override readonly name = 'EnvelopeError';
  constructor(
    readonly code: EnvelopeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function assertBytes(value: unknown, name: string): asserts value is Uint8Array {
  if (!(value instanceof Uint8Array)) throw new EnvelopeError('bad-input', `${name} must be a Uint8Array`);
}
