import { describe, expect, it } from 'vitest';
import { READ_ON_DEVICE, READER_FIELD, type AnalysisOutcome, type DeviceRead } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { secondReadOf, wantsSecondRead } from './second-read-task';

const card = sample('credit-card.png');
const outcome = {
  kind: 'credit-card',
  result: card.result,
  timings: { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 },
  keyVersion: '0',
} as AnalysisOutcome;
const file = new Blob([new Uint8Array([1, 2, 3])]);
const answering = (read: DeviceRead | Error) => (image: Uint8Array, service: string) => {
  expect([...image]).toEqual([1, 2, 3]);
  expect(service).toBe('credit-card');
  return read instanceof Error ? Promise.reject(read) : Promise.resolve(read);
};

describe('secondReadOf', () => {
  it('sets the device reading against the answer, field by field', async () => {
    const read = await secondReadOf(file, outcome, answering({ kind: 'read', result: card.result }));
    expect(read.status === 'read' && read.fields.map((f) => f.differing)).toEqual([[], [], [], [], []]);
  });

  it('says why there is no second read: nothing found, no reader, or a failure', async () => {
    const lookedFor = 'Looked for a card number.';
    expect(await secondReadOf(file, outcome, answering({ kind: 'nothing', lookedFor, cardLike: false }))).toEqual({
      status: 'unread',
      why: lookedFor,
    });
    expect(await secondReadOf(file, outcome, answering({ kind: 'unavailable', why: 'no WebAssembly' }))).toEqual({
      status: 'unread',
      why: expect.stringContaining('no WebAssembly') as string,
    });
    expect(await secondReadOf(file, outcome, answering(new Error('worker gone')))).toEqual({
      status: 'unread',
      why: expect.stringContaining('worker gone') as string,
    });
  });

  it('is not asked of a result the sandbox read on this device already', () => {
    expect(wantsSecondRead(outcome)).toBe(true);
    const own = { ...outcome, result: { ...outcome.result, [READER_FIELD]: READ_ON_DEVICE } } as AnalysisOutcome;
    expect(wantsSecondRead(own)).toBe(false);
  });
});
