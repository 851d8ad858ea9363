// Runs inside the sandbox's worker (see sandbox-worker-client.ts for the page's side).
import type { ReadCard } from '@/reader-service';
import { createSandbox, type Sandbox } from './sandbox';
import type { FromWorker, ReadAnswer, ReadRequest, ToWorker, WireResponse } from './sandbox-worker-client';

let sandbox: Sandbox | null = null;

// A card that is not a specimen is read by the on-device reader, which the page owns: the sandbox asks
// the page for it, like any other user of the reader.
const reads = new Map<number, (answer: ReadAnswer['readAnswer']['read']) => void>();
let nextRead = 1;
const readCard: ReadCard = (image, service) =>
  new Promise((resolve) => {
    const id = nextRead++;
    reads.set(id, resolve);
    const copy = image.slice().buffer;
    self.postMessage({ readRequest: { id, image: copy, service } } satisfies ReadRequest, { transfer: [copy] });
  });

async function answer(
  message: Exclude<ToWorker, ReadAnswer>,
): Promise<{ reply: FromWorker; transfer: Transferable[] }> {
  const { id } = message;
  if (message.kind === 'init') {
    sandbox = createSandbox({ samples: message.samples, readCard });
    await sandbox.control.keyVersion('credit-card'); // make the key pairs before the first request
    return { reply: { id, ok: true }, transfer: [] };
  }
  if (!sandbox) throw new Error('The sandbox worker was not started.');
  if (message.kind === 'control') {
    const control = sandbox.control as unknown as Record<string, (...args: unknown[]) => unknown>;
    return { reply: { id, ok: true, value: await control[message.method](...message.args) }, transfer: [] };
  }
  const { method, url, headers, body, form } = message.request;
  const parts = form && new FormData();
  for (const [name, value] of form ?? []) parts!.append(name, value);
  const response = await sandbox.fetch(new Request(url, { method, headers, body: parts ?? body }));
  const wire: WireResponse = {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers],
    body: response.body ? await response.arrayBuffer() : null,
  };
  return { reply: { id, ok: true, response: wire }, transfer: wire.body ? [wire.body] : [] };
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  if ('readAnswer' in event.data) {
    const { id, read } = event.data.readAnswer;
    reads.get(id)?.(read);
    reads.delete(id);
    return;
  }
  const command = event.data;
  answer(command).then(
    ({ reply, transfer }) => self.postMessage(reply, { transfer }),
    (error: unknown) =>
      self.postMessage({
        id: command.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies FromWorker),
  );
};
