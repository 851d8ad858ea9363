import { parsePublicKey } from '@/envelope';
import { bytesToHex } from '@/lib/hex';

export interface PublicKeyInfo {
  modulusBits: number;
  /** First 8 bytes of SHA-256 over the DER key, as colon-separated hex: enough to compare keys by eye. */
  fingerprint: string;
}

export async function describePublicKey(keyText: string): Promise<PublicKeyInfo> {
  const key = parsePublicKey(keyText);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', key.der as BufferSource));
  const fingerprint = bytesToHex(digest.subarray(0, 8), ':');
  return { modulusBits: key.bits, fingerprint };
}
