import {
  ANALYSIS_SERVICE,
  READ_ON_DEVICE,
  READER_FIELD,
  type AnalysisOutcome,
  type DeviceRead,
  type OcrService,
} from '@/api';
import { fieldsOf } from '@/features/fields';
import { compareReads } from './compare-reads';
import type { SecondRead } from './second-read-types';

/** Reads an image with the on-device reader. */
export type ReadOnDevice = (image: Uint8Array, service: OcrService) => Promise<DeviceRead>;

/** Whether a result is worth a second read: NHN's answer, not the sandbox's own on-device reading. */
export const wantsSecondRead = (outcome: AnalysisOutcome) =>
  (outcome.result as unknown as Record<string, unknown>)[READER_FIELD] !== READ_ON_DEVICE;

/** Reads the card again on this device and sets its digit fields against NHN's answer. Never throws. */
export async function secondReadOf(file: Blob, outcome: AnalysisOutcome, read: ReadOnDevice): Promise<SecondRead> {
  let device: DeviceRead;
  try {
    device = await read(new Uint8Array(await file.arrayBuffer()), ANALYSIS_SERVICE[outcome.kind]);
  } catch (error) {
    return {
      status: 'unread',
      why: `The on-device reader failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (device.kind === 'unavailable')
    return { status: 'unread', why: `The on-device reader could not run: ${device.why}` };
  if (device.kind === 'nothing') return { status: 'unread', why: device.lookedFor };
  return { status: 'read', fields: compareReads(outcome, fieldsOf(outcome), device.result) };
}
