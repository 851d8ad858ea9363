import type { CreditCardResult, IdCardResult, OcrService, SampleEntry } from '@/api/types';
import type { DeviceRead } from '@/reader-service';

/**
 * Which images the sandbox answers from a specimen's ground truth: a bundled specimen's exact bytes,
 * sent to that specimen's service. Anything else it reads on the device. The page asks the same
 * question to say where an answer of its in-page sandbox came from, rather than reading the answer.
 */
export function specimenIndex(
  samples: readonly SampleEntry[],
): (sha256: string, service: OcrService) => SampleEntry | null {
  const byHash = new Map(samples.map((s) => [s.sha256.toLowerCase(), s]));
  return (sha256, service) => {
    const known = byHash.get(sha256.toLowerCase());
    return known?.service === service ? known : null;
  };
}

/** A device read as a specimen-like entry, so the rest of the sandbox (encryption, Request-Keys) treats both alike. */
export function readAsSample(
  read: Extract<DeviceRead, { kind: 'read' }>,
  service: OcrService,
  sha256: string,
): SampleEntry {
  const base = { file: '', title: { en: 'Read on this device', ko: '이 기기에서 읽음' }, sha256, width: 0, height: 0 };
  return service === 'credit-card'
    ? { ...base, service, result: read.result as CreditCardResult }
    : { ...base, service, result: read.result as IdCardResult };
}
