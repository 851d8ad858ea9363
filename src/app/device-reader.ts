import { useMemo } from 'react';
import type { AnalysisKind, DeviceBoxesRead, DeviceRead, ImageQuad, OcrService } from '@/api';
import type { PreSendVerdict, QueueItem } from '@/features/analyze';
import { useSecondReads, type SecondRead } from '@/features/second-read';
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

const LOOKED_FOR = {
  'credit-card': {
    en: 'Looked for a group of four digits, as in a card number.',
    ko: '카드 번호처럼 네 자리 숫자 묶음을 찾았습니다.',
  },
  'id-card': {
    en: 'Looked for six digits in a row, as in a resident registration number.',
    ko: '주민등록번호처럼 여섯 자리 연속 숫자를 찾았습니다.',
  },
};

/**
 * The check before sending: a photo in which the reader finds no card-like text is held, with what was
 * looked for. A reader that cannot run holds nothing; the card goes with a caution saying so.
 */
export async function checkBeforeSend(bytes: Uint8Array, kind: AnalysisKind): Promise<PreSendVerdict> {
  const service = kind === 'credit-card' ? 'credit-card' : 'id-card';
  let read: DeviceRead;
  try {
    read = await readOnDevice(bytes, service);
  } catch (error) {
    read = { kind: 'unavailable', why: error instanceof Error ? error.message : String(error) };
  }
  if (read.kind === 'unavailable') {
    return {
      caution: {
        en: `Sent without the on-device check, which could not run: ${read.why}`,
        ko: `이 기기의 확인을 할 수 없어 확인 없이 보냈습니다: ${read.why}`,
      },
    };
  }
  if (read.kind === 'read' || read.cardLike) return null;
  const lookedFor = LOOKED_FOR[service];
  return {
    hold: {
      en: `Held before sending: no card-like text was found on this device. ${lookedFor.en}`,
      ko: `보내기 전에 보류함: 이 기기에서 카드 같은 글자를 찾지 못했습니다. ${lookedFor.ko}`,
    },
  };
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
