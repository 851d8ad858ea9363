import { parsePublicKey } from '@/envelope';

export interface PublicKeyInfo {
  modulusBits: number;
  /** First 8 bytes of SHA-256 over the DER key, as colon-separated hex: enough to compare keys by eye. */
  fingerprint: string;
}

export async function describePublicKey(keyText: string): Promise<PublicKeyInfo> {
  const key = parsePublicKey(keyText);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', key.der as BufferSource));
  const fingerprint = Array.from(digest.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(':');
  return { modulusBits: key.bits, fingerprint };
}
