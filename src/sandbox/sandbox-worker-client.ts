import type { OcrService, SampleEntry } from '@/api/types';
import type { DeviceRead, ReadCard } from '@/reader-service';
import type { SandboxControl } from './sandbox';

// The in-browser sandbox runs in a worker, as a real service runs on another machine: its RSA
// unwrapping and image hashing no longer compete with the page for the main thread. Requests and
// responses cross as plain data; bodies are transferred, not copied.

export interface WireRequest {
  method: string;
  url: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
  /** A multipart body as its parts; files cross by reference, not copied. */
  form?: [string, FormDataEntryValue][];
}
export interface WireResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  body: ArrayBuffer | null;
}

type Command =
  | { kind: 'init'; samples: readonly SampleEntry[] }
  | { kind: 'fetch'; request: WireRequest }
  | { kind: 'control'; method: keyof SandboxControl; args: unknown[] };
export type ToWorker = (Command & { id: number }) | ReadAnswer;

export type FromWorker =
  { id: number; ok: true; value?: unknown; response?: WireResponse } | { id: number; ok: false; error: string };

/**
 * The sandbox reads a card that is not a specimen with the on-device reader, which the page owns: it
 * asks the page, as any other user of the reader does, and the page answers.
 */
export interface ReadRequest {
  readRequest: { id: number; image: ArrayBuffer; service: OcrService };
}
export interface ReadAnswer {
  readAnswer: { id: number; read: DeviceRead };
}

/** SandboxControl across a thread: every method answers asynchronously. */
export type RemoteSandboxControl = {
  [K in keyof SandboxControl]: (
    ...args: Parameters<SandboxControl[K]>
  ) => Promise<Awaited<ReturnType<SandboxControl[K]>>>;
};

export interface RemoteSandbox {
  fetch(request: Request, form?: FormData): Promise<Response>;
  takesForms: true;
  control: RemoteSandboxControl;
}

const CONTROL_METHODS: readonly (keyof SandboxControl)[] = [
  'rotateKeys',
  'keyVersion',
  'setFaults',
  'faults',
  'log',
  'clearLog',
  'maxInFlight',
  'requestKeyCount',
  'resetStats',
];

/**
 * Starts the sandbox in a worker and resolves once it is ready to answer. `readCard` is the page's
 * on-device reader, which the sandbox asks for any card that is not a specimen.
 */
export async function startSandboxWorker(samples: readonly SampleEntry[], readCard: ReadCard): Promise<RemoteSandbox> {
  const worker = new Worker(new URL('./sandbox-worker.ts', import.meta.url), {
    type: 'module',
    name: 'cardlens-sandbox',
  });
  const pending = new Map<number, { resolve: (reply: FromWorker) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  worker.onmessage = (event: MessageEvent<FromWorker | ReadRequest>) => {
    if ('readRequest' in event.data) {
      const { id, image, service } = event.data.readRequest;
      void readCard(new Uint8Array(image), service).then((read) =>
        worker.postMessage({ readAnswer: { id, read } } satisfies ReadAnswer),
      );
      return;
    }
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`The sandbox worker failed: ${event.message || 'it could not start'}.`);
    pending.forEach((p) => p.reject(error));
    pending.clear();
  };

  const post = (command: Command, transfer: Transferable[] = []) =>
    new Promise<FromWorker>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...command, id } satisfies ToWorker, transfer);
    });
  const valueOf = (reply: FromWorker) => {
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };

  try {
    valueOf(await post({ kind: 'init', samples }));
  } catch (error) {
    worker.terminate(); // the next start makes a worker of its own: this one must not linger
    throw error;
  }

  const control = Object.fromEntries(
    CONTROL_METHODS.map((method) => [
      method,
      async (...args: unknown[]) => valueOf(await post({ kind: 'control', method, args })),
    ]),
  ) as RemoteSandboxControl;

  return {
    control,
    takesForms: true,
    async fetch(request, form) {
      const body = form || request.method === 'GET' || request.method === 'HEAD' ? null : await request.arrayBuffer();
      const wire: WireRequest = { method: request.method, url: request.url, headers: [...request.headers], body };
      if (form) wire.form = [...form.entries()];
      const reply = await post({ kind: 'fetch', request: wire }, body ? [body] : []);
      // A sandbox that "drops the connection" fails the way fetch does on a network error.
      if (!reply.ok) throw new TypeError(reply.error);
      const { status, statusText, headers, body: responseBody } = reply.response!;
      return new Response(responseBody, { status, statusText, headers });
    },
  };
}
