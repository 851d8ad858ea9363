import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome } from '@/api';
import type { DeviceBoxesRead } from '@/reader-service';
import { sample } from '@/test-support/sandbox-fixture';
import { createSecondReader, type SecondReadItem } from './second-read-scheduler';
import type { SecondRead } from '@/model/second-read/second-read-types';
import { secondReadOf } from '@/model/second-read/second-read-task';

const outcome = (): AnalysisOutcome =>
  ({
    kind: 'credit-card',
    result: sample('credit-card.png').result,
    timings: { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 },
    keyVersion: '0',
  }) as AnalysisOutcome;
const settle = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function harness() {
  const pending: ((read: DeviceBoxesRead) => void)[] = [];
  let reading = 0;
  let most = 0;
  const read = () =>
    new Promise<DeviceBoxesRead>((resolve) => {
      most = Math.max(most, ++reading);
      pending.push((answer) => {
        reading--;
        resolve(answer);
      });
    });
  const notes = new Map<string, SecondRead | undefined>();
  const reader = createSecondReader(
    (item) => secondReadOf(item.file, item.image?.sha256, item.outcome, read),
    (id, secondRead) => notes.set(id, secondRead),
  );
  let items: SecondReadItem[] = [];
  const sync = (enabled: boolean) =>
    reader.sync((items = items.map((item) => ({ ...item, secondRead: notes.get(item.id) }))), enabled);
  const done = (id: string): SecondReadItem => ({
    id,
    file: new Blob([new Uint8Array([1])]),
    status: 'done',
    outcome: outcome(),
  });
  const answer = () =>
    pending.shift()!({
      kind: 'read',
      texts: ['4111', '1111', '1111', '1111', '09/29'].map((text) => ({ text, conf: 0.9 })),
    });
  return {
    notes,
    pending,
    most: () => most,
    answer,
    sync,
    set: (next: SecondReadItem[]) => (items = next),
    done,
  };
}

describe('createSecondReader', () => {
  it('reads finished cards one at a time, and only while the check is on', async () => {
    const h = harness();
    h.set([h.done('a'), h.done('b'), { ...h.done('c'), status: 'working', outcome: undefined }]);
    h.sync(false);
    await settle();
    expect(h.pending).toHaveLength(0);
    h.sync(true);
    await settle();
    expect(h.notes.get('a')).toEqual({ status: 'reading' });
    expect(h.notes.get('b')).toEqual({ status: 'reading' });
    expect(h.notes.has('c')).toBe(false);
    expect(h.pending).toHaveLength(1);
    h.answer();
    await settle();
    expect(h.notes.get('a')?.status).toBe('read');
    h.answer();
    await settle();
    expect(h.notes.get('b')?.status).toBe('read');
    expect(h.most()).toBe(1);
  });

  it('turned off, drops the reads not yet made and what it showed; turned on again, reads each card once more', async () => {
    const h = harness();
    h.set([h.done('a'), h.done('b')]);
    h.sync(true);
    await settle();
    h.sync(false);
    expect([...h.notes.values()]).toEqual([undefined, undefined]);
    h.answer(); // a's read, asked before the check was turned off, lands nowhere
    await settle();
    expect(h.pending).toHaveLength(0); // b's read was dropped without reading
    expect(h.notes.get('a')).toBeUndefined();
    h.sync(true);
    await settle();
    h.answer();
    await settle();
    h.answer();
    await settle();
    expect(h.pending).toHaveLength(0);
    expect([...h.notes.values()].map((n) => n?.status)).toEqual(['read', 'read']);
  });

  it('does not put a read of an old answer on a card retried meanwhile', async () => {
    const h = harness();
    const first = h.done('a');
    h.set([first]);
    h.sync(true);
    await settle();
    h.set([{ ...first, outcome: undefined, status: 'checking', secondRead: undefined }]);
    h.notes.delete('a');
    h.sync(true);
    h.answer();
    await settle();
    expect(h.notes.get('a')).toBeUndefined();
  });

  it('says a card this device answered itself is not checked, and believes no answer that claims so', async () => {
    const h = harness();
    const claiming = h.done('claims');
    const outcome = claiming.outcome!;
    // A service's answer that says it was read on the device is still NHN's answer: it is read again.
    claiming.outcome = { ...outcome, result: { ...outcome.result, cardlensReader: 'on-device' } } as AnalysisOutcome;
    h.set([
      { ...h.done('own'), answeredBy: 'device' },
      { ...claiming, answeredBy: 'service' },
    ]);
    h.sync(true);
    await settle();
    expect(h.notes.get('own')).toEqual({ status: 'unread', reason: 'read-on-device' });
    expect(h.notes.get('claims')).toEqual({ status: 'reading' });
    expect(h.pending).toHaveLength(1);
  });
});
