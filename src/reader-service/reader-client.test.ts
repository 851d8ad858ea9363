import { describe, expect, it } from 'vitest';
import type { ReaderCommand, ReaderReply } from './protocol';
import { createReaderService } from './reader-client';

/** A worker that answers each command with `answer`, a task later, as a real one does. */
function fakeWorker(answer: (command: ReaderCommand) => ReaderReply) {
  const commands: ReaderCommand[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent<ReaderReply>) => void) | null,
    onerror: null,
    postMessage(command: ReaderCommand) {
      commands.push(command);
      setTimeout(() => worker.onmessage?.({ data: answer(command) } as MessageEvent<ReaderReply>));
    },
    terminate() {},
  };
  return { worker: worker as unknown as Worker, commands };
}

describe('createReaderService: warm', () => {
  it('starts the worker and asks it to load the reader, without an image', async () => {
    let started = 0;
    const { worker, commands } = fakeWorker((c) => ({ id: c.id, ok: true, value: { kind: 'ready' } }));
    const service = createReaderService(() => (started++, worker));
    expect(await service.warm()).toEqual({ kind: 'ready' });
    expect(commands).toEqual([{ id: 1, kind: 'warm' }]);
    expect(started).toBe(1);
  });

  it('answers unavailable, rather than throwing, when the worker reports a failure', async () => {
    const { worker } = fakeWorker((c) => ({ id: c.id, ok: false, error: 'no WebAssembly' }));
    const service = createReaderService(() => worker);
    expect(await service.warm()).toEqual({ kind: 'unavailable', why: 'no WebAssembly' });
  });
});
