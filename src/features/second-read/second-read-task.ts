import { READ_ON_DEVICE, READER_FIELD, type AnalysisOutcome, type DeviceBoxesRead, type ImageQuad } from '@/api';
import { fieldsOf } from '@/features/fields';
import { checkedFields, compareBoxReads } from './compare-reads';
import type { SecondRead } from './second-read-types';

/** Recognises the text inside boxes of an image with the on-device reader. */
export type ReadBoxesOnDevice = (image: Uint8Array, boxes: readonly ImageQuad[]) => Promise<DeviceBoxesRead>;

/** Whether a result is worth a second read: NHN's answer, not the sandbox's own on-device reading. */
export const wantsSecondRead = (outcome: AnalysisOutcome) =>
  (outcome.result as unknown as Record<string, unknown>)[READER_FIELD] !== READ_ON_DEVICE;

const NO_FIELDS = 'NHN’s answer has no digit field with a box to read in.';

/**
 * Reads each of NHN's digit fields again on this device, inside the box NHN gave it, and sets the two
 * readings side by side. Never throws: a read that cannot happen says why.
 */
export async function secondReadOf(file: Blob, outcome: AnalysisOutcome, read: ReadBoxesOnDevice): Promise<SecondRead> {
  const fields = checkedFields(fieldsOf(outcome));
  if (fields.length === 0) return { status: 'unread', why: NO_FIELDS };
  let device: DeviceBoxesRead;
  try {
    device = await read(
      new Uint8Array(await file.arrayBuffer()),
      fields.map((f) => f.quad),
    );
  } catch (error) {
    return {
      status: 'unread',
      why: `The on-device reader failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  if (device.kind === 'unavailable')
    return { status: 'unread', why: `The on-device reader could not run: ${device.why}` };
  if (device.kind === 'nothing') return { status: 'unread', why: device.lookedFor };
  return { status: 'read', fields: compareBoxReads(fields, device.texts) };
}
