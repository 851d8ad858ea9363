import { OcrError, type AnalysisKind, type CreditCardResult, type IdCardResult, type OcrService } from '@/api';
import { luhnValid } from '@/lib/check-digits';
import type { DeviceRead, ReadCard } from '@/reader-service';

/** The service's "no card of my kind in this image" answer: the one a card sent to the wrong service gets. */
const NOT_FOUND: Record<OcrService, number> = { 'credit-card': 4000111, 'id-card': 4000121 };

const serviceOf = (kind: AnalysisKind): OcrService => (kind === 'credit-card' ? 'credit-card' : 'id-card');
const otherThan = (service: OcrService): OcrService => (service === 'credit-card' ? 'id-card' : 'credit-card');

/**
 * Whether the device read, for `service`, the number that makes a card one: a card number of 15 or 16
 * digits that passes the Luhn check, or a resident registration number. Anything less says nothing.
 */
export function readsAs(read: DeviceRead, service: OcrService): boolean {
  if (read.kind !== 'read') return false;
  if (service === 'credit-card') {
    const number = (read.result as CreditCardResult).totalCardNum;
    return typeof number === 'string' && /^\d{15,16}$/.test(number) && luhnValid(number);
  }
  const keyValues = (read.result as IdCardResult).keyValues;
  return (
    Array.isArray(keyValues) && keyValues.some((kv) => kv.key === 'residentNumber' && /^\d{6}-?\d{7}$/.test(kv.value))
  );
}

/**
 * The service a card that failed looks like it belongs to: asked only when its service found no card of
 * its kind, and answered only when this device read the other kind's number on it. Never throws; null
 * when it cannot tell. Only the service is returned: what was read stays here.
 */
export async function looksLikeOf(
  file: Blob,
  kind: AnalysisKind,
  error: unknown,
  readCard: ReadCard,
): Promise<OcrService | null> {
  const sentTo = serviceOf(kind);
  if (!(error instanceof OcrError) || error.resultCode !== NOT_FOUND[sentTo]) return null;
  const other = otherThan(sentTo);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    // Which service it looks like rests on its digits: the Hangul step's download would add nothing.
    return readsAs(await readCard(bytes, other, { hangul: false }), other) ? other : null;
  } catch {
    return null; // the file is gone, or the reader failed: nothing to say
  }
}
