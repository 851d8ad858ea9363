// npm run sandbox -- --port 8787 [--app-key K] [--secret-key S] [--latency MS]
// The sandbox handler behind a Node HTTP server on 127.0.0.1 only, for e2e tests and manual use.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { SampleManifest } from '../src/api/types';
import { createSandbox, type Sandbox, type SandboxFaults, type SandboxOptions } from '../src/sandbox';

export interface SandboxServer {
  url: string;
  port: number;
  sandbox: Sandbox;
  close(): Promise<void>;
}

const CONTROL_PREFIX = '/__sandbox/';

export async function loadSamples(
  dir = resolve(import.meta.dirname, '../public/samples'),
): Promise<SampleManifest['samples']> {
  const manifest = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as SampleManifest;
  return manifest.samples;
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toWebRequest(request: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && body.length > 0;
  return new Request(new URL(request.url ?? '/', origin), {
    method: request.method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

async function sendWebResponse(response: Response, out: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  out.writeHead(response.status, headers);
  out.end(Buffer.from(await response.arrayBuffer()));
}

function json(out: ServerResponse, status: number, body: unknown): void {
  out.writeHead(status, {
    'Content-Type': 'application/json',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Content-Type',
  });
  out.end(JSON.stringify(body));
}

/** Test and demo controls: never part of the real API, and never carrying a secret. */
async function control(
  sandbox: Sandbox,
  path: string,
  method: string,
  body: Buffer,
  out: ServerResponse,
): Promise<void> {
  if (method === 'OPTIONS') return json(out, 204, null);
  const action = path.slice(CONTROL_PREFIX.length);
  if (action === 'faults' && method === 'POST') {
    let faults: SandboxFaults;
    try {
      faults = body.length ? (JSON.parse(body.toString('utf8')) as SandboxFaults) : {};
    } catch {
      return json(out, 400, { error: 'faults must be JSON' });
    }
    sandbox.control.setFaults(faults);
    return json(out, 200, { faults: sandbox.control.faults() });
  }
  if (action === 'faults' && method === 'GET') return json(out, 200, { faults: sandbox.control.faults() });
  if (action === 'log' && method === 'GET')
    return json(out, 200, { log: sandbox.control.log(), maxInFlight: sandbox.control.maxInFlight() });
  if (action === 'reset' && method === 'POST') {
    sandbox.control.clearLog();
    sandbox.control.resetStats();
    sandbox.control.setFaults({});
    return json(out, 200, { ok: true });
  }
  if (action === 'rotate' && method === 'POST') {
    await sandbox.control.rotateKeys();
    return json(out, 200, { version: await sandbox.control.keyVersion('credit-card') });
  }
  return json(out, 404, { error: `unknown control ${method} ${action}` });
}

export async function startSandboxServer(
  options: SandboxOptions & { port?: number; quiet?: boolean } = {},
): Promise<SandboxServer> {
  const samples = options.samples ?? (await loadSamples());
  const sandbox = createSandbox({ ...options, samples });
  let origin = 'http://127.0.0.1';
  const server: Server = createServer((request, out) => {
    const started = performance.now();
    void (async () => {
      const body = await readBody(request);
      const path = new URL(request.url ?? '/', origin).pathname;
      if (path.startsWith(CONTROL_PREFIX)) return control(sandbox, path, request.method ?? 'GET', body, out);
      try {
        const response = await sandbox.fetch(toWebRequest(request, body, origin));
        await sendWebResponse(response, out);
        if (!options.quiet) {
          const entry = sandbox.control.log().at(-1);
          // Method, path, result code and time only: never a header, a key or a value.
          console.log(
            `${request.method} ${path} ${entry?.resultCode ?? response.status} ${Math.round(performance.now() - started)}ms`,
          );
        }
      } catch {
        // A dropped-connection fault: end the socket without an answer, as a dead peer would.
        if (!options.quiet)
          console.log(`${request.method} ${path} dropped ${Math.round(performance.now() - started)}ms`);
        request.socket.destroy();
      }
    })().catch(() => out.destroy());
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolveListen);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    port,
    sandbox,
    close: () =>
      new Promise((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      'app-key': { type: 'string' },
      'secret-key': { type: 'string' },
      latency: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const server = await startSandboxServer({
    port: Number(values.port),
    appKey: values['app-key'],
    secretKey: values['secret-key'],
    faults: values.latency ? { latencyMs: Number(values.latency) } : undefined,
    quiet: values.quiet,
  });
  console.log(
    `Cardlens sandbox listening on ${server.url}, app key "${values['app-key'] ?? 'sandbox'}" (credentials default to "sandbox")`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
