import {
  READ_ON_DEVICE,
  READER_FIELD,
  type CreditCardResult,
  type DeviceBoxesRead,
  type DeviceRead,
  type IdCardResult,
  type OcrService,
  type SampleEntry,
} from '@/api/types';
import type { Quad } from '@/reader';

export type { DeviceBoxesRead, DeviceRead };

/** Recognises the text inside given boxes of an image (original pixels), without detection. */
export type ReadBoxes = (image: Uint8Array, boxes: readonly Quad[]) => Promise<DeviceBoxesRead>;

/** Reads one decrypted image for one service. The sandbox works without one: then only specimens are known. */
export type ReadCard = (image: Uint8Array, service: OcrService) => Promise<DeviceRead>;

/** A device read as a specimen-like entry, so the rest of the sandbox (encryption, Request-Keys) treats both alike. */
export function readAsSample(
  read: Extract<DeviceRead, { kind: 'read' }>,
  service: OcrService,
  sha256: string,
): SampleEntry {
  const base = { file: '', title: { en: 'Read on this device', ko: '이 기기에서 읽음' }, sha256, width: 0, height: 0 };
  const result = { ...read.result, [READER_FIELD]: READ_ON_DEVICE };
  return service === 'credit-card'
    ? { ...base, service, result: result as CreditCardResult }
    : { ...base, service, result: result as IdCardResult };
}
