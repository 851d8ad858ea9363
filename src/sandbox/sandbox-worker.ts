// Runs inside the sandbox's worker (see sandbox-worker-client.ts for the page's side).
import type { ReadCard } from './device-read';
import { createSandbox, type Sandbox } from './sandbox';
import type { FromWorker, ToWorker, WireResponse } from './sandbox-worker-client';

let sandbox: Sandbox | null = null;

// The reader and its runtime load only when a card that is not a specimen arrives, or the page asks
// for a read of its own (a second read of NHN's answer, a check before sending).
const readCard: ReadCard = (image, service) =>
  import('./browser-card-reader').then((m) => m.readCardInBrowser(image, service));

async function answer(message: ToWorker): Promise<{ reply: FromWorker; transfer: Transferable[] }> {
  const { id } = message;
  if (message.kind === 'init') {
    sandbox = createSandbox({ samples: message.samples, readCard });
    await sandbox.control.keyVersion('credit-card'); // make the key pairs before the first request
    return { reply: { id, ok: true }, transfer: [] };
  }
  if (message.kind === 'read-boxes') {
    const { readBoxesInBrowser } = await import('./browser-card-reader');
    return {
      reply: { id, ok: true, value: await readBoxesInBrowser(new Uint8Array(message.image), message.boxes) },
      transfer: [],
    };
  }
  if (message.kind === 'read') {
    return {
      reply: { id, ok: true, value: await readCard(new Uint8Array(message.image), message.service) },
      transfer: [],
    };
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
  answer(event.data).then(
    ({ reply, transfer }) => self.postMessage(reply, { transfer }),
    (error: unknown) =>
      self.postMessage({
        id: event.data.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      } satisfies FromWorker),
  );
};
