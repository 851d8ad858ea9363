import { EnvelopeError, type EnvelopeErrorCode } from './errors';

// Uint8Array.fromBase64/toBase64 (TC39 proposal) exist in recent browsers, not in Node 20.
type NativeBase64 = {
  toBase64?: (this: Uint8Array) => string;
};
type NativeBase64Ctor = { fromBase64?: (text: string) => Uint8Array };

const CHUNK = 0x8000; // String.fromCharCode(...chunk) stays far below the engine's argument limit
// A bare character class, not a padded pattern: a backtracking regex over 27 MB exhausts the stack.
const OUTSIDE_ALPHABET = /[^A-Za-z0-9+/]/;
// ASCII whitespace (WHATWG): tab, LF, FF, CR and space. MIME wraps Base64 at 76 characters a line.
const ASCII_WHITESPACE = /[\t\n\f\r ]/;
const ALL_ASCII_WHITESPACE = /[\t\n\f\r ]+/g;

function isStandardBase64(text: string): boolean {
  const end = text.length - (text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0);
  return text.length % 4 === 0 && !OUTSIDE_ALPHABET.test(text.slice(0, end));
}

/** Standard Base64 (`+/=`) of any length of bytes, 20 MB included. */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (bytes as NativeBase64).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/**
 * Standard Base64: padding required, no URL-safe alphabet. ASCII whitespace is ignored wherever it
 * is, so a value wrapped in lines (MIME style, CRLF or LF) decodes; nothing else is forgiven.
 */
export function base64ToBytes(input: string, name = 'base64', code: EnvelopeErrorCode = 'bad-base64'): Uint8Array {
  const text =
    typeof input === 'string' && ASCII_WHITESPACE.test(input) ? input.replace(ALL_ASCII_WHITESPACE, '') : input;
  if (typeof text !== 'string' || !isStandardBase64(text))
    throw new EnvelopeError(code, `${name} is not standard Base64`);
  const native = (Uint8Array as NativeBase64Ctor).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
