import type { AnalysisOutcome, AnalyzeVariables, AnswerSource } from '@/api';
import { createCardlens, type CardlensOptions } from '@/engine/cardlens';
import * as realCode from '@/engine/engine-code';
import type { CardReview } from '@/model/review/review-model';
import type { PhotoQuality } from '@/model/second-read/photo-quality';
import type { DeviceBoxesRead, DeviceRead, ReadCardOptions } from '@/reader-service';
import { sample, sampleImage } from './sandbox-fixture';

// The engine with no browser, no network and no React: a fake client whose answers a test releases,
// a fake reader, a fake clock, storage in memory, and the engine's own code with the decoders (which
// need a browser) replaced by ones that count what they were asked.

export const settle = async (rounds = 10) => {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

/** What the quality check says of a photo when a test says nothing else. */
const FINE: PhotoQuality = { kind: 'checked', hints: [], sharpness: 900, glare: 0 };

export interface SentCard {
  request: AnalyzeVariables;
  connection: string;
  answer: (outcome?: AnalysisOutcome) => void;
  fail: (error: Error) => void;
}

/** The credit-card specimen's answer, as the service would give it decrypted. */
export const cardOutcome = (): AnalysisOutcome => ({
  kind: 'credit-card',
  result: structuredClone(sample('credit-card.png').result) as never,
  timings: { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 },
  keyVersion: '0',
});

/** A specimen's bytes as a file the operator dropped. */
export const specimen = (file = 'credit-card.png', name = file) =>
  new File([sampleImage(file).bytes as BlobPart], name, { type: file.endsWith('.png') ? 'image/png' : 'image/jpeg' });

export function engineRig(
  options: { answeredBy?: AnswerSource; deviceRead?: DeviceRead; readsOnDevice?: boolean; quality?: PhotoQuality } = {},
) {
  const sent: SentCard[] = [];
  const decodes: { raw: boolean; closed: boolean }[] = [];
  const prefs = new Map<string, string>();
  const kept = new Map<string, CardReview>();
  const boxReads: number[] = [];
  /** How many photos the quality check was asked about. */
  const qualityChecks = { count: 0 };
  /** What each whole-card read asked for: the page's own checks want digits only. */
  const cardReads: (ReadCardOptions | undefined)[] = [];
  let clock = 1_000;
  let date = 1_700_000_000_000;
  const timers: (() => void)[] = [];

  const code = {
    ...realCode,
    decodeToThumbnail: () => Promise.resolve(new Blob(['thumb'])),
    checkPhotoQuality: () => {
      qualityChecks.count++;
      return Promise.resolve(options.quality ?? FINE);
    },
    thumbnailOf: () => Promise.resolve(new Blob(['thumb'])),
    decodeForDisplay: (_file: Blob, _image: unknown, raw: boolean) => {
      const decode = { raw, closed: false };
      decodes.push(decode);
      return Promise.resolve({ close: () => (decode.closed = true) } as unknown as ImageBitmap);
    },
  } satisfies typeof realCode;

  const engineOptions: CardlensOptions<string> = {
    client: {
      // A real client calls beforeSend once the request is sealed, and sends only if it resolves.
      analyze: async (request, connection) => {
        await request.beforeSend?.();
        return new Promise((resolve, reject) => {
          sent.push({ request, connection, answer: (outcome = cardOutcome()) => resolve(outcome), fail: reject });
        });
      },
      answeredBy: () => Promise.resolve(options.answeredBy ?? 'service'),
    },
    connection: 'A',
    // Connection 'A' plays the sandbox, which reads on the device, unless a test says otherwise.
    readsOnDevice: () => options.readsOnDevice ?? true,
    reader: {
      readCard: (_image, _service, read) => {
        cardReads.push(read);
        return Promise.resolve(options.deviceRead ?? { kind: 'unavailable', why: 'no reader in this test' });
      },
      readBoxes: (_image, boxes) => {
        boxReads.push(boxes.length);
        const texts = ['4111', '1111', '1111', '1111', '12/30'].slice(0, boxes.length);
        return Promise.resolve({ kind: 'read', texts: texts.map((text) => ({ text, conf: 0.99 })) } as DeviceBoxesRead);
      },
    },
    storage: {
      preferences: { get: (key) => prefs.get(key) ?? null, set: (key, value) => void prefs.set(key, value) },
      reviews: {
        open: (keep) => {
          if (!keep) kept.clear();
          return Promise.resolve(keep ? [...kept.values()] : []);
        },
        keep: (reviews) => {
          reviews.forEach((r) => kept.set(r.sha256, r));
          return Promise.resolve();
        },
        forget: () => {
          kept.clear();
          return Promise.resolve();
        },
      },
    },
    code: () => Promise.resolve(code),
    clock: { now: () => clock, date: () => date },
    objectUrls: { create: () => 'blob:thumb', revoke: () => undefined },
    deferMs: 0,
    schedule: (task) => void timers.push(task),
  };
  const engine = createCardlens(engineOptions);
  return {
    engine,
    options: engineOptions,
    sent,
    decodes,
    prefs,
    kept,
    boxReads,
    cardReads,
    qualityChecks,
    tick: (ms: number) => {
      clock += ms;
      date += ms;
    },
    /** Runs the timers the engine set (a bitmap's close after it left the screen). */
    runTimers: () => timers.splice(0).forEach((task) => task()),
    statuses: () => engine.getState().items.map((item) => item.status),
  };
}
