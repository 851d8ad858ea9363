import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OcrError, type AnalysisOutcome, type AnalyzeVariables } from '@/api';
import type { Inspected } from '@/images/preflight';
import { createQueueStore } from './queue-store';
import type { QueueDeps } from './queue-types';
import { FILE_CHANGED, FILE_GONE } from './retry-policy';
import type { PhotoQuality } from '@/model/second-read/photo-quality';
import type { ItemStatus } from './queue-item';

// The queue with no React, no browser and no network: a fake client whose answers the test
// releases one by one, and a fake clock.

const outcome = (): AnalysisOutcome => ({
  kind: 'credit-card',
  result: {
    fileType: 'png',
    resolution: 'normal',
    cardNums: [],
    totalCardNum: '',
    cardNumBoxes: [],
  },
  timings: { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 },
  keyVersion: '0',
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function flush(rounds = 5) {
  for (let i = 0; i < rounds; i++) await settle();
}

interface Call {
  request: AnalyzeVariables;
  connection: string;
  resolve: () => void;
  reject: (error: Error) => void;
  /** beforeSend let it go: a real client would now put it on the wire. */
  sent?: boolean;
}

function harness(overrides: Partial<QueueDeps<string>> = {}) {
  const calls: Call[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let clock = 1000;
  const analyze = (request: AnalyzeVariables, connection: string) =>
    new Promise<AnalysisOutcome>((resolve, reject) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const done = () => inFlight--;
      const call: Call = {
        request,
        connection,
        resolve: () => {
          done();
          resolve(outcome());
        },
        reject: (error: Error) => {
          done();
          reject(error);
        },
      };
      // A real client rejects as soon as its signal aborts, whatever stage it is in.
      request.signal?.addEventListener('abort', () => call.reject(new OcrError('aborted', 'aborted')));
      calls.push(call);
      void request.beforeSend?.().then(
        () => (call.sent = true),
        () => undefined,
      );
    });
  const inspect = (file: File): Promise<Inspected> =>
    file.arrayBuffer().then((buffer) => ({
      ok: true,
      bytes: new Uint8Array(buffer),
      sha256: `${file.name}:${new Uint8Array(buffer).join(',')}`,
      format: file.name.endsWith('.png') ? 'png' : 'jpeg',
      width: 1000,
      height: 630,
      orientation: 1,
      lowResolution: false,
    }));
  const store = createQueueStore({
    inspect,
    confirmDecode: () => Promise.resolve({ ok: true, thumbnail: Promise.resolve(new Blob()) }),
    analyze,
    answeredBy: () => Promise.resolve('service'),
    now: () => clock++,
    deferMs: 0,
    objectUrls: { create: () => 'blob:thumb', revoke: () => undefined },
    ...overrides,
  });
  const statuses = () => store.getSnapshot().items.map((item) => item.status);
  const file = (name: string, content = [1, 2, 3]) => new File([new Uint8Array(content)], name);
  /** Drops files of these names as one credit-card batch on connection A; returns their ids. */
  const add = (...names: string[]) =>
    store.addFiles(
      names.map((name) => file(name)),
      'credit-card',
      'A',
    );
  return { store, calls, statuses, add, file, maxInFlight: () => maxInFlight, inFlight: () => inFlight };
}

describe('queue store', () => {
  it('sends in drop order, never more than `concurrency` at once', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png', 'd.png');
    await flush();
    expect(h.calls).toHaveLength(2);
    expect(h.statuses()).toEqual(['working', 'working', 'queued', 'queued']);
    h.calls[1].resolve();
    await flush();
    expect(h.calls).toHaveLength(3);
    expect(h.calls[2].request.image.bytes).toEqual(new Uint8Array([1, 2, 3]));
    h.calls
      .slice(0, 1)
      .concat(h.calls.slice(2))
      .forEach((c) => c.resolve());
    await flush();
    h.calls[3].resolve();
    await flush();
    expect(h.statuses()).toEqual(['done', 'done', 'done', 'done']);
    expect(h.maxInFlight()).toBe(2);
  });

  it('never exceeds the concurrency, whatever order the answers come in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 9 }),
        fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
        async (concurrency, count, picks) => {
          const h = harness();
          h.store.setConcurrency(concurrency);
          h.store.addFiles(
            Array.from({ length: count }, (_, i) => h.file(`${i}.png`)),
            'credit-card',
            'A',
          );
          await flush();
          const open = () => h.calls.filter((_, i) => h.store.getSnapshot().items[i]?.status === 'working');
          for (const pick of picks) {
            const pending = open();
            if (pending.length === 0) break;
            const call = pending[pick % pending.length];
            if (pick % 5 === 0) call.reject(new OcrError('network', 'down'));
            else call.resolve();
            await flush(2);
          }
          while (open().length > 0) {
            open()[0].resolve();
            await flush(2);
          }
          expect(h.maxInFlight()).toBeLessThanOrEqual(concurrency);
          expect(h.calls).toHaveLength(count);
          expect(h.statuses().every((s) => s === 'done' || s === 'failed')).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sends a neutral file name with the real type, never the user’s', async () => {
    const h = harness();
    h.store.addFiles([h.file('홍길동 주민등록증.jpg'), h.file('scan.png')], 'id-card', 'A');
    await flush();
    expect(h.calls.map((c) => c.request.image.fileName)).toEqual(['image.jpg', 'image.png']);
    expect(h.store.getSnapshot().items[0].file.name).toBe('홍길동 주민등록증.jpg');
  });

  it('sends nothing new while paused, and picks up on resume', async () => {
    const h = harness();
    h.store.setPaused(true);
    h.add('a.png', 'b.png');
    await flush();
    expect(h.calls).toHaveLength(0);
    expect(h.statuses()).toEqual(['queued', 'queued']);
    h.store.setPaused(false);
    await flush();
    expect(h.calls).toHaveLength(2);
  });

  it('pausing mid-batch lets the cards in flight finish and holds the rest', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png');
    await flush();
    h.store.setPaused(true);
    h.calls.forEach((c) => c.resolve());
    await flush();
    expect(h.statuses()).toEqual(['done', 'done', 'queued']);
    expect(h.calls).toHaveLength(2);
  });

  it('cancels one card without touching the others', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png');
    await flush();
    h.store.cancel(h.store.getSnapshot().items[0].id);
    await flush();
    expect(h.statuses().slice(0, 2)).toEqual(['cancelled', 'working']);
    expect(h.calls[0].request.signal?.aborted).toBe(true);
    expect(h.calls[1].request.signal?.aborted).toBe(false);
  });

  it('cancel the rest: queued cards are cancelled and cards in flight aborted', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png', 'd.png');
    await flush();
    h.calls[0].resolve();
    await flush();
    const before = h.statuses();
    expect(before).toEqual(['done', 'working', 'working', 'queued']);
    h.store.cancelRest();
    await flush();
    expect(h.statuses()).toEqual(['done', 'cancelled', 'cancelled', 'cancelled']);
    expect(h.calls).toHaveLength(3);
  });

  it('resumes every cancelled card, and only those, through the connection given', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png', 'd.png');
    await flush();
    h.calls[0].resolve();
    await flush();
    h.store.cancelRest();
    await flush();
    expect(h.statuses()).toEqual(['done', 'cancelled', 'cancelled', 'cancelled']);
    h.store.resumeCancelled('B');
    await flush();
    expect(h.statuses()).toEqual(['done', 'working', 'working', 'queued']);
    expect(h.calls.slice(3).map((c) => c.connection)).toEqual(['B', 'B']);
    h.calls.slice(3).forEach((c) => c.resolve());
    await flush();
    h.calls[5].resolve();
    await flush();
    expect(h.statuses()).toEqual(['done', 'done', 'done', 'done']);
    expect(h.calls).toHaveLength(6);
  });

  it('an error mid-batch fails that card, tells listeners, and the batch goes on', async () => {
    const h = harness();
    const events: unknown[] = [];
    h.store.on((event) => events.push(event));
    h.add('a.png', 'b.png', 'c.png');
    await flush();
    const error = new OcrError('network', 'down');
    h.calls[0].reject(error);
    await flush();
    expect(h.statuses()).toEqual(['failed', 'working', 'working']);
    expect(events).toEqual([{ type: 'failed', id: h.store.getSnapshot().items[0].id, error }]);
    expect(h.store.getSnapshot().items[0].error).toBe(error);
  });

  it('retries a failed card from its file, and retry-failed takes only the failed', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png');
    await flush();
    h.calls[0].reject(new OcrError('network', 'down'));
    h.calls[1].resolve();
    await flush();
    h.calls[2].resolve();
    await flush();
    expect(h.statuses()).toEqual(['failed', 'done', 'done']);
    h.store.retryFailed('A');
    await flush();
    expect(h.calls).toHaveLength(4);
    expect(h.calls[3].request.image.fileName).toBe('image.png');
    h.calls[3].resolve();
    await flush();
    expect(h.statuses()).toEqual(['done', 'done', 'done']);
  });

  it('cancel during the key fetch: the card ends cancelled and its slot goes to the next', async () => {
    const h = harness();
    h.store.setConcurrency(1);
    h.add('a.png', 'b.png');
    await flush();
    // The fake client is still "fetching the key": nothing has been answered yet.
    h.store.cancel(h.store.getSnapshot().items[0].id);
    await flush();
    expect(h.statuses()).toEqual(['cancelled', 'working']);
    expect(h.calls).toHaveLength(2);
  });

  it('holds a card whose pixels do not decode, with the reason, and sends the next', async () => {
    const reason = { en: 'corrupt', ko: '손상' };
    const h = harness({
      confirmDecode: (file) =>
        Promise.resolve(
          file.name === 'bad.png' ? { ok: false, reason } : { ok: true, thumbnail: Promise.resolve(new Blob()) },
        ),
    });
    h.add('bad.png', 'good.png');
    await flush();
    const items = h.store.getSnapshot().items;
    expect(items.map((i) => i.status)).toEqual(['rejected', 'working']);
    expect(items[0].rejection).toEqual(reason);
  });

  it('stamps start and finish with the injected clock', async () => {
    const h = harness();
    h.store.addFiles([h.file('a.png')], 'credit-card', 'A');
    await flush();
    h.calls[0].resolve();
    await flush();
    const [item] = h.store.getSnapshot().items;
    expect(item.startedAt).toBeGreaterThanOrEqual(1000);
    expect(item.finishedAt).toBeGreaterThan(item.startedAt!);
  });

  it('clearing finished cards keeps the one on screen and every card in progress', async () => {
    const h = harness();
    h.add('a.png', 'b.png', 'c.png', 'd.png');
    await flush();
    h.calls.forEach((c) => c.resolve());
    await flush();
    const ids = h.store.getSnapshot().items.map((i) => i.id);
    h.store.clearFinished(ids[1]);
    const kept: [string, ItemStatus][] = h.store.getSnapshot().items.map((i) => [i.id, i.status]);
    expect(kept).toEqual([
      [ids[1], 'done'],
      [ids[2], 'working'],
      [ids[3], 'working'],
    ]);
  });

  it('cancel the rest sends nothing more, even for cards still being checked', async () => {
    // Inspection is slow: forty large files, nearly all still being checked when Cancel is pressed.
    const pendingReads: (() => void)[] = [];
    const h = harness({
      inspect: (file) =>
        new Promise((resolve) =>
          pendingReads.push(() => void file.arrayBuffer().then((b) => resolve(inspectedOf(file, b)))),
        ),
    });
    h.store.addFiles(
      Array.from({ length: 40 }, (_, i) => h.file(`${i}.jpg`)),
      'credit-card',
      'A',
    );
    await flush();
    pendingReads.splice(0, 2).forEach((read) => read());
    await flush();
    expect(h.calls).toHaveLength(2);
    h.store.cancelRest();
    // Every read that was under way now finishes, and every slot frees.
    while (pendingReads.length > 0) pendingReads.splice(0).forEach((read) => read());
    await flush(10);
    expect(h.calls).toHaveLength(2);
    expect(h.statuses().filter((s) => s === 'cancelled')).toHaveLength(40);
    expect(h.store.heldInMemory()).toBe(0);
  });

  it('reads only a window ahead of the sends, and holds no bytes once every card has ended', async () => {
    let reads = 0;
    let maxHeld = 0;
    const h = harness({
      inspect: (file) => {
        reads++;
        return file.arrayBuffer().then((b) => inspectedOf(file, b));
      },
    });
    h.store.addFiles(
      Array.from({ length: 100 }, (_, i) => h.file(`${i}.jpg`)),
      'credit-card',
      'A',
    );
    await flush(10);
    // Two in flight and four read ahead; the other 94 not even opened.
    expect(reads).toBe(6);
    expect(h.store.heldInMemory()).toBe(6);
    let turn = 0;
    while (h.statuses().some((s) => s !== 'done' && s !== 'failed')) {
      const open = h.calls.filter((c) => !c.request.signal?.aborted && !settled.has(c));
      open.slice(0, 1).forEach((c) => {
        settled.add(c);
        if (turn++ % 3 === 0) c.reject(new OcrError('network', 'down'));
        else c.resolve();
      });
      await flush(3);
      maxHeld = Math.max(maxHeld, h.store.heldInMemory());
    }
    expect(maxHeld).toBeLessThanOrEqual(6);
    expect(h.store.heldInMemory()).toBe(0);
  });

  it('decodes at most two cards at once', async () => {
    let decoding = 0;
    let most = 0;
    // Eight files read at once, as a fast disk allows; their decodes still go two at a time.
    const h = harness({
      checkingSlots: 8,
      confirmDecode: () => {
        decoding++;
        most = Math.max(most, decoding);
        return new Promise((resolve) =>
          setTimeout(() => {
            decoding--;
            resolve({ ok: true, thumbnail: Promise.resolve(new Blob()) });
          }, 5),
        );
      },
    });
    h.store.setConcurrency(8);
    h.store.addFiles(
      Array.from({ length: 12 }, (_, i) => h.file(`${i}.jpg`)),
      'credit-card',
      'A',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(most).toBe(2);
  });

  it('retry reads and hashes the file again, and says so when it changed or is gone', async () => {
    let content = [1, 2, 3];
    let readable = true;
    const file = {
      name: 'card.png',
      size: 3,
      arrayBuffer: () =>
        readable ? Promise.resolve(new Uint8Array(content).buffer) : Promise.reject(new Error('NotReadableError')),
      slice: () => ({
        arrayBuffer: () => (readable ? Promise.resolve(new ArrayBuffer(1)) : Promise.reject(new Error())),
      }),
    } as unknown as File;
    const h = harness();
    const [id] = h.store.addFiles([file], 'credit-card', 'A');
    await flush();
    h.calls[0].reject(new OcrError('network', 'down'));
    await flush();
    const first = h.store.getSnapshot().items[0].image!.sha256;

    content = [9, 9, 9];
    h.store.retry(id, 'A');
    await flush();
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1].request.image.bytes).toEqual(new Uint8Array([9, 9, 9]));
    const item = h.store.getSnapshot().items[0];
    expect(item.image!.sha256).not.toBe(first);
    expect(item.caution).toEqual(FILE_CHANGED);

    h.calls[1].reject(new OcrError('network', 'down'));
    await flush();
    readable = false;
    h.store.retry(id, 'A');
    await flush();
    expect(h.calls).toHaveLength(2);
    expect(h.store.getSnapshot().items[0]).toMatchObject({ status: 'rejected', rejection: FILE_GONE });
  });

  it('retry failed skips cards whose failure another try cannot change', async () => {
    const h = harness();
    h.add('big.png', 'net.png');
    await flush();
    h.calls[0].reject(new OcrError('api', 'too big', { resultCode: 4131000 }));
    h.calls[1].reject(new OcrError('network', 'down'));
    await flush();
    h.store.retryFailed('A');
    await flush();
    expect(h.calls.map((c) => c.request.image.bytes.length)).toHaveLength(3);
    expect(h.statuses()).toEqual(['failed', 'working']);
  });

  it('a batch keeps the connection it started with until told to move', async () => {
    const h = harness();
    h.store.setConcurrency(1);
    h.add('a.png', 'b.png', 'c.png');
    await flush();
    // The settings changed: a new connection, B. The batch's cards still go to A.
    expect(h.store.waitingElsewhere('B')).toBe(2);
    h.calls[0].resolve();
    await flush();
    expect(h.calls[1].connection).toBe('A');
    h.store.moveWaitingTo('B');
    expect(h.store.waitingElsewhere('B')).toBe(0);
    h.calls[1].resolve();
    await flush();
    expect(h.calls.map((c) => c.connection)).toEqual(['A', 'A', 'B']);
  });

  it('a retry goes through the connection in use now', async () => {
    const h = harness();
    const [id] = h.store.addFiles([h.file('a.png')], 'credit-card', 'A');
    await flush();
    h.calls[0].reject(new OcrError('api', 'wrong key', { resultCode: 4010001 }));
    await flush();
    h.store.retry(id, 'B');
    await flush();
    expect(h.calls.map((c) => c.connection)).toEqual(['A', 'B']);
  });

  it('a card whose decode fails while its request is encrypting is never sent', async () => {
    let failDecode: (value: { ok: false; reason: { en: string; ko: string } }) => void = () => undefined;
    let encrypted: () => void = () => undefined;
    const sent: string[] = [];
    const h = harness({
      confirmDecode: () => new Promise((resolve) => (failDecode = resolve)),
      // The client reaches beforeSend only once the key is fetched and the image encrypted.
      analyze: (request) =>
        new Promise<never>((_, reject) => {
          encrypted = () => void request.beforeSend!().then(() => sent.push(request.image.fileName), reject);
        }),
    });
    h.store.addFiles([h.file('garbled.png')], 'credit-card', 'A');
    await flush();
    failDecode({ ok: false, reason: { en: 'corrupt', ko: '손상' } });
    await flush();
    encrypted();
    await flush();
    expect(sent).toEqual([]);
    expect(h.statuses()).toEqual(['rejected']);
  });

  it('a check that throws ends that card with the reason, and is not tried again and again', async () => {
    let inspections = 0;
    const h = harness({
      inspect: () => {
        inspections++;
        return Promise.reject(new Error('crypto.subtle is missing'));
      },
    });
    h.store.addFiles([h.file('a.png')], 'credit-card', 'A');
    await flush(10);
    expect(inspections).toBe(1);
    expect(h.store.getSnapshot().items[0]).toMatchObject({ status: 'rejected' });
    expect(h.store.getSnapshot().items[0].rejection?.en).toMatch(/crypto\.subtle is missing/);
  });

  it('a check that refuses as the client would (a page that may send nothing) fails the card, opens no retry', async () => {
    const refusal = new OcrError('insecure-context', 'not a secure context; nothing was sent');
    const h = harness({ inspect: () => Promise.reject(refusal) });
    const events: unknown[] = [];
    h.store.on((event) => events.push(event));
    h.store.addFiles([h.file('a.png'), h.file('b.png')], 'credit-card', 'A');
    await flush(10);
    const [a, b] = h.store.getSnapshot().items;
    expect(h.statuses()).toEqual(['failed', 'failed']);
    expect(a.error).toBe(refusal);
    expect(events).toEqual([
      { type: 'failed', id: a.id, error: refusal },
      { type: 'failed', id: b.id, error: refusal },
    ]);
    h.store.retryFailed('A');
    await flush(10);
    expect(h.statuses()).toEqual(['failed', 'failed']);
    expect(h.calls).toEqual([]);
  });

  it('a file deleted between its read and its decode is said to be gone, not corrupt', async () => {
    const file = {
      name: 'gone.png',
      size: 3,
      arrayBuffer: () => Promise.resolve(new Uint8Array([1, 2, 3]).buffer),
      slice: () => ({ arrayBuffer: () => Promise.reject(new Error('NotReadableError')) }),
    } as unknown as File;
    const h = harness({
      confirmDecode: () => Promise.resolve({ ok: false, reason: { en: 'corrupt', ko: '손상' } }),
    });
    h.store.addFiles([file], 'credit-card', 'A');
    await flush();
    expect(h.store.getSnapshot().items[0]).toMatchObject({ status: 'rejected', rejection: FILE_GONE });
  });
});

const settled = new Set<unknown>();

function inspectedOf(file: File, buffer: ArrayBuffer): Inspected {
  return {
    ok: true,
    bytes: new Uint8Array(buffer),
    sha256: file.name,
    format: 'jpeg',
    width: 1000,
    height: 630,
    orientation: 1,
    lowResolution: false,
  };
}

describe('the check before sending', () => {
  const HOLD = { en: 'Held before sending: no card-like text.', ko: '보류' };

  it('holds a card the check finds no card text in: nothing is sent and nothing of it stays in memory', async () => {
    const checked: string[] = [];
    const h = harness({
      checkBeforeSend: (bytes) => {
        checked.push(bytes.join(','));
        return Promise.resolve(bytes[0] === 9 ? { hold: HOLD } : null);
      },
    });
    h.store.addFiles([h.file('blank.png', [9, 9]), h.file('card.png', [1, 2])], 'credit-card', 'A');
    await flush(10);
    expect(checked).toEqual(['9,9', '1,2']);
    expect(h.statuses()).toEqual(['held', 'working']);
    expect(h.store.getSnapshot().items[0].hold).toEqual(HOLD);
    expect(h.calls.filter((c) => c.sent)).toHaveLength(1);
    expect(h.calls.find((c) => c.sent)?.request.image.bytes).toEqual(new Uint8Array([1, 2]));
    h.calls.filter((c) => c.sent).forEach((c) => c.resolve());
    await flush();
    expect(h.store.heldInMemory()).toBe(0);
  });

  it('sends a held card anyway when asked, without checking it again', async () => {
    let checks = 0;
    const h = harness({
      checkBeforeSend: () => {
        checks++;
        return Promise.resolve({ hold: HOLD });
      },
    });
    const [id] = h.add('blank.png');
    await flush(10);
    expect(h.statuses()).toEqual(['held']);
    h.store.sendAnyway(id, 'B');
    await flush(10);
    expect(checks).toBe(1);
    expect(h.statuses()).toEqual(['working']);
    expect(h.calls.at(-1)).toMatchObject({ sent: true, connection: 'B' });
    expect(h.store.getSnapshot().items[0].hold).toBeUndefined();
  });

  it('a card held while its request waits to send, then sent anyway, is sent once, and Cancel stops it', async () => {
    // A request waits at beforeSend until the public key is here (slow on a first call).
    const waiting: { beforeSend: () => Promise<void>; signal?: AbortSignal; sent: boolean }[] = [];
    let checks = 0;
    const h = harness({
      checkBeforeSend: () => Promise.resolve(checks++ === 0 ? { hold: HOLD } : null),
      analyze: (request) =>
        new Promise<AnalysisOutcome>((_, reject) => {
          const entry = {
            beforeSend: request.beforeSend ?? (() => Promise.resolve()),
            signal: request.signal,
            sent: false,
          };
          request.signal?.addEventListener('abort', () => reject(new OcrError('aborted', 'aborted')));
          waiting.push(entry);
        }),
    });
    const [id] = h.add('blank.png');
    await flush(10);
    expect(h.statuses()).toEqual(['held']);
    expect(waiting[0].signal?.aborted).toBe(true); // the held card's request stopped with it
    h.store.sendAnyway(id, 'A');
    await flush(10);
    expect(h.statuses()).toEqual(['working']);
    // The key arrives: each request asks whether it may leave.
    for (const entry of waiting)
      await entry.beforeSend().then(
        () => (entry.sent = true),
        () => undefined,
      );
    expect(waiting.map((entry) => entry.sent)).toEqual([false, true]);
    h.store.cancel(id);
    await flush(10);
    expect(waiting[1].signal?.aborted).toBe(true);
    expect(h.statuses()).toEqual(['cancelled']);
  });

  it('forgets the quality predicted for a file that changed before its retry, when the check does not run again', async () => {
    let content = [1, 2, 3];
    const file = {
      name: 'card.png',
      size: 3,
      arrayBuffer: () => Promise.resolve(new Uint8Array(content).buffer),
      slice: () => ({ arrayBuffer: () => Promise.resolve(new ArrayBuffer(1)) }),
    } as unknown as File;
    const blurred: PhotoQuality = { kind: 'checked', hints: ['blurred'], sharpness: 40, glare: 0 };
    let checks = 0;
    const h = harness({ checkBeforeSend: () => Promise.resolve(checks++ === 0 ? { quality: blurred } : null) });
    const [id] = h.store.addFiles([file], 'credit-card', 'A');
    await flush();
    expect(h.store.getSnapshot().items[0].quality).toEqual(blurred);
    h.calls[0].reject(new OcrError('network', 'down'));
    await flush();
    content = [9, 9, 9];
    h.store.retry(id, 'A');
    await flush();
    expect(h.store.getSnapshot().items[0].quality).toBeUndefined();
  });

  it('sends with a caution when the check could not run', async () => {
    const caution = { en: 'Sent without the on-device check.', ko: '확인 없이 보냄' };
    const h = harness({ checkBeforeSend: () => Promise.resolve({ caution }) });
    h.add('card.png');
    await flush(10);
    expect(h.statuses()).toEqual(['working']);
    expect(h.calls[0].sent).toBe(true);
    expect(h.store.getSnapshot().items[0].caution).toEqual(caution);
  });

  it('leaves a card cancelled while it was checked cancelled, not held', async () => {
    let release: (verdict: { hold: typeof HOLD }) => void = () => undefined;
    const h = harness({ checkBeforeSend: () => new Promise((resolve) => (release = resolve)) });
    const [id] = h.add('blank.png');
    await flush(10);
    h.store.cancel(id);
    release({ hold: HOLD });
    await flush(10);
    expect(h.statuses()).toEqual(['cancelled']);
    expect(h.calls.filter((c) => c.sent)).toHaveLength(0);
  });

  it('a late check of an earlier attempt does not touch the card, cancelled and sent again meanwhile', async () => {
    const verdicts: ((verdict: { hold: typeof HOLD } | null) => void)[] = [];
    const h = harness({ checkBeforeSend: () => new Promise((resolve) => verdicts.push(resolve)) });
    const [id] = h.add('card.png');
    await flush(10);
    h.store.cancel(id);
    await flush();
    h.store.retry(id, 'A');
    await flush(10);
    expect(verdicts).toHaveLength(2);
    verdicts[0]({ hold: HOLD });
    await flush(10);
    expect(h.statuses()).toEqual(['working']);
    verdicts[1](null);
    await flush(10);
    expect(h.calls.filter((c) => c.sent)).toHaveLength(1);
    expect(h.store.getSnapshot().items[0].hold).toBeUndefined();
  });

  it('records and forgets a second read, and a retry forgets it too', async () => {
    const h = harness();
    const [id] = h.add('card.png');
    await flush();
    h.calls[0].resolve();
    await flush();
    h.store.annotate(id, { status: 'reading' });
    expect(h.store.getSnapshot().items[0].secondRead).toEqual({ status: 'reading' });
    h.store.retry(id, 'A');
    await flush();
    expect(h.store.getSnapshot().items[0].secondRead).toBeUndefined();
  });
});
