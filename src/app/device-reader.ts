import { useMemo } from 'react';
import type { AnalysisKind, DeviceBoxesRead, DeviceRead, ImageQuad, OcrService } from '@/api';
import type { QueueItem } from '@/features/analyze';
import { preSendOutcome, useSecondReads, type PreSendOutcome, type SecondRead } from '@/features/second-read';
import { loadSandbox } from './client-factory';

/**
 * Reads an image with the on-device reader. The reader lives in the sandbox's worker, which loads it
 * on first use whatever the connection: a second read of NHN's answer needs no sandbox request.
 */
export const readOnDevice = (image: Uint8Array, service: OcrService): Promise<DeviceRead> =>
  loadSandbox().then(({ sandbox }) => sandbox.read(image, service));

/** Recognises the text inside given boxes of an image with the on-device reader. */
export const readBoxesOnDevice = (image: Uint8Array, boxes: readonly ImageQuad[]): Promise<DeviceBoxesRead> =>
  loadSandbox().then(({ sandbox }) => sandbox.readBoxes(image, boxes));

/** The check before sending (preSendOutcome), with the device's reader. Never throws. */
export async function checkBeforeSend(bytes: Uint8Array, kind: AnalysisKind): Promise<PreSendOutcome> {
  let read: DeviceRead;
  try {
    read = await readOnDevice(bytes, kind === 'credit-card' ? 'credit-card' : 'id-card');
  } catch (error) {
    read = { kind: 'unavailable', why: error instanceof Error ? error.message : String(error) };
  }
  return preSendOutcome(read, kind);
}

/**
 * While `enabled`, has the device read every card NHN answered again; returns the second reads by
 * image hash, as the report matches them to the reviewer's verdicts.
 */
export function useSecondReadsOnDevice(
  queue: { items: readonly QueueItem[]; annotate: (id: string, read: SecondRead | undefined) => void },
  enabled: boolean,
): ReadonlyMap<string, SecondRead> {
  useSecondReads(queue.items, enabled, readBoxesOnDevice, queue.annotate);
  return useMemo(
    () =>
      new Map(
        queue.items.flatMap((item): [string, SecondRead][] =>
          item.image && item.secondRead ? [[item.image.sha256, item.secondRead]] : [],
        ),
      ),
    [queue.items],
  );
}
