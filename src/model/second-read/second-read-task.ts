import type { AnalysisOutcome, ImageQuad } from '@/api';
import type { DeviceBoxesRead } from '@/reader-service';
import { fieldsOf } from '@/model/fields/result-fields';
import { sha256Hex } from '@/lib/hex';
import { checkedFields, compareBoxReads, hangulBoxes } from './compare-reads';
import type { SecondRead, UnreadReason } from './second-read-types';

/** Recognises the text inside boxes of an image with the on-device reader. */
export type ReadBoxesOnDevice = (
  image: Uint8Array,
  boxes: readonly ImageQuad[],
  options: { hangul: readonly boolean[] },
) => Promise<DeviceBoxesRead>;

const unread = (reason: UnreadReason, detail?: string): SecondRead => ({ status: 'unread', reason, detail });
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Reads each of NHN's digit and Hangul fields again on this device, inside the box NHN gave it (the Hangul
 * ones with the Hangul recogniser), and sets the two
 * readings side by side. The file is read again from the disk, so it must still be the image NHN read
 * (`sha256`). Never throws: a read that cannot happen says why.
 */
export async function secondReadOf(
  file: Blob,
  sha256: string | undefined,
  outcome: AnalysisOutcome,
  read: ReadBoxesOnDevice,
): Promise<SecondRead> {
  const fields = checkedFields(fieldsOf(outcome));
  if (fields.length === 0) return unread('no-fields');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return unread('file-gone');
  }
  if (sha256 !== undefined && (await sha256Hex(bytes)) !== sha256) return unread('file-changed');
  let device: DeviceBoxesRead;
  try {
    device = await read(
      bytes,
      fields.map((f) => f.quad),
      { hangul: hangulBoxes(fields) },
    );
  } catch (error) {
    return unread('reader-unavailable', message(error));
  }
  if (device.kind === 'unavailable') return unread('reader-unavailable', device.why);
  if (device.kind === 'nothing') return unread('not-decoded', device.lookedFor);
  return { status: 'read', fields: compareBoxReads(fields, device.texts) };
}
