// npm run sandbox -- --port 8787 [--app-key K] [--secret-key S] [--latency MS] [--allow-origin URL ...]
//   [--no-cors] [--hide-request-key] [--date-skew MS]
// The sandbox handler behind a Node HTTP server on 127.0.0.1 only, for e2e tests and manual use. In front
// of the handler it plays the gateway: it answers only its own loopback Host (a page whose name was
// rebound to 127.0.0.1 reaches nothing), closes requests that stall, bounds its connections and request
// bodies, and keeps its control endpoints to the app's own pages on this machine.
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { nodeCardReader } from './node-card-reader';
import type { SampleManifest } from '../src/api/types';
import { MAX_IMAGE_BYTES } from '../src/lib/image-format';
import {
  corsHeaders,
  createSandbox,
  jsonBody,
  type Sandbox,
  type SandboxFaults,
  type SandboxOptions,
} from '../src/sandbox';

export interface SandboxServer {
  url: string;
  port: number;
  sandbox: Sandbox;
  close(): Promise<void>;
}

export interface SandboxServerOptions extends SandboxOptions {
  port?: number;
  quiet?: boolean;
  /** Origins whose pages may use /__sandbox/*; requests with no Origin (Node, curl) always may. */
  allowedOrigins?: readonly string[];
  /** How long a request's headers may take to arrive; default 10 s (Node's own is 60 s). */
  headersTimeoutMs?: number;
  /** How long a whole request, body included, may take to arrive; default 60 s (Node's own is 300 s). */
  requestTimeoutMs?: number;
  /** Connections open at once; past it a new one is closed unanswered. Default 64. */
  maxConnections?: number;
}

const CONTROL_PREFIX = '/__sandbox/';
/** The Playwright preview server and the dev server: the app's own pages. */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = [
  'http://127.0.0.1:4173',
  'http://127.0.0.1:5173',
  'http://localhost:5173',
];
/** A 20 MB image, its AES padding (at most 16 bytes) and the multipart framing around it, generously. */
export const MAX_REQUEST_BYTES = MAX_IMAGE_BYTES + 64 * 1024;
const MAX_CONTROL_BYTES = 64 * 1024;
/** After refusing an oversize upload, how long and how much of it is read and dropped so the client sees the 413. */
const LINGER_MS = 5_000;
const LINGER_BYTES = 2 * MAX_REQUEST_BYTES;
/**
 * A 20 MB upload over loopback, or through nginx (which sends the body once it has it all), takes well
 * under a second; a browser sends its headers at once. These leave room for a slow machine under load.
 */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;
/** Chromium opens 6 connections to a host; nginx one per proxied request. */
export const MAX_CONNECTIONS = 64;

export async function loadSamples(
  dir = resolve(import.meta.dirname, '../public/samples'),
): Promise<SampleManifest['samples']> {
  const manifest = JSON.parse(await readFile(resolve(dir, 'manifest.json'), 'utf8')) as SampleManifest;
  return manifest.samples;
}

/** The whole body, or null as soon as it is known to be over `limit` bytes (the rest is left unread). */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(request.headers['content-length'] ?? 0) > limit) return Promise.resolve(null);
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (body: Buffer | null) => {
      request.off('data', onData).off('end', onEnd).off('error', reject);
      resolveBody(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(null);
      else chunks.push(chunk);
    };
    const onEnd = () => settle(Buffer.concat(chunks));
    request.on('data', onData).on('end', onEnd).on('error', reject);
  });
}

/**
 * HTTP 413 with a result header in NHN's shape, as a gateway in front of the service may answer an
 * oversize upload (NHN's own documents say only HTTP 200: src/sandbox/responses.ts). The
 * rest of the body is read and dropped for a while, as nginx's lingering close does: closing at once
 * can reset the connection before the client has read the answer.
 */
function refuseOversize(request: IncomingMessage, out: ServerResponse, limit: number, faults: SandboxFaults): void {
  out.writeHead(
    413,
    withServerFaults(
      { 'Content-Type': 'application/json;charset=UTF-8', Connection: 'close', ...corsHeaders(true) },
      faults,
    ),
  );
  out.end(JSON.stringify(jsonBody(4131000, undefined, `The request body is over ${limit} bytes.`)));
  const stop = () => request.socket.destroy();
  const timer = setTimeout(stop, LINGER_MS).unref();
  request.socket.once('close', () => clearTimeout(timer));
  let dropped = 0;
  request.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) stop();
  });
  request.resume();
}

/** HTTP 400 in NHN's shape, readable by a page, for a request target whose %-escapes do not decode. */
function refuseTarget(out: ServerResponse, faults: SandboxFaults): void {
  out.writeHead(
    400,
    withServerFaults({ 'Content-Type': 'application/json;charset=UTF-8', ...corsHeaders(true) }, faults),
  );
  out.end(JSON.stringify(jsonBody(400, undefined, 'The request path is not a path, or has a malformed %-escape.')));
}

/**
 * The faults that live in headers (no CORS, Request-Key hidden, a skewed Date; src/sandbox/faults.ts),
 * applied to an answer's headers.
 * Besides, a readable Access-Control-Expose-Headers lists Date and itself, so a page on another origin can
 * check the clock and whether Request-Key is exposed without a billed call (the connection check).
 */
export function withServerFaults(headers: Record<string, string>, faults: SandboxFaults): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (faults.noCors && name.toLowerCase().startsWith('access-control-')) continue;
    if (name.toLowerCase() === 'access-control-expose-headers') continue;
    out[name] = value;
  }
  const allowsOrigin = Object.keys(out).some((name) => name.toLowerCase() === 'access-control-allow-origin');
  if (!faults.noCors && allowsOrigin) {
    const exposed = Object.entries(headers)
      .filter(([name]) => name.toLowerCase() === 'access-control-expose-headers')
      .flatMap(([, value]) => value.split(','))
      .map((name) => name.trim())
      .filter((name) => name && !(faults.hideRequestKey && name.toLowerCase() === 'request-key'));
    out['Access-Control-Expose-Headers'] = [...exposed, 'Date', 'Access-Control-Expose-Headers'].join(', ');
  }
  if (faults.dateSkewMs) out.Date = new Date(Date.now() + faults.dateSkewMs).toUTCString();
  return out;
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

async function sendWebResponse(response: Response, out: ServerResponse, faults: SandboxFaults): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => (headers[name] = value));
  out.writeHead(response.status, withServerFaults(headers, faults));
  out.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The Host values this server answers: 127.0.0.1 and localhost at its own port, which is all a browser
 * sends when it reaches this server by address. Any other name reached it by DNS rebinding (a hostile
 * page's own name, answered with 127.0.0.1), or not through the browser at all. nginx's proxy sends
 * `Host: $proxy_host`, the upstream as written in its config: `127.0.0.1:PORT` for this server.
 */
function ownHosts(port: number): Set<string> {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return new Set(port === 80 ? [...hosts, '127.0.0.1', 'localhost'] : hosts);
}

/** 421 Misdirected Request: this server is not the one that name is for. */
function refuseHost(out: ServerResponse): void {
  out.writeHead(421, { 'Content-Type': 'application/json', Connection: 'close' });
  out.end(JSON.stringify({ error: 'This sandbox answers only a Host of 127.0.0.1 or localhost at its own port.' }));
}

/** The request's URL on this server, or null when its target is not a path or its %-escapes do not decode. */
function requestUrl(request: IncomingMessage, origin: string): URL | null {
  try {
    const url = new URL(request.url ?? '/', origin);
    decodeURIComponent(url.pathname);
    return url.origin === origin ? url : null;
  } catch {
    return null;
  }
}

/**
 * Whether a control request comes from this machine's own tools or the app's pages: no Origin or an
 * allowed one (the Host was checked before anything else). Returns the CORS headers to answer with, or
 * null to refuse.
 */
function controlAccess(request: IncomingMessage, allowedOrigins: readonly string[]): Record<string, string> | null {
  const origin = request.headers.origin;
  if (origin === undefined) return { Vary: 'Origin' };
  if (!allowedOrigins.includes(origin)) return null;
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type',
    Vary: 'Origin',
  };
}

function json(out: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  out.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  out.end(status === 204 ? undefined : JSON.stringify(body));
}

/** Test and demo controls: never part of the real API, and never carrying a secret. */
async function control(
  sandbox: Sandbox,
  path: string,
  request: IncomingMessage,
  out: ServerResponse,
  allowedOrigins: readonly string[],
  inFlight: number,
): Promise<void> {
  const cors = controlAccess(request, allowedOrigins);
  if (!cors) {
    return json(out, 403, {
      error: 'The sandbox controls answer only the app on this machine (no Origin, or an allowed one).',
    });
  }
  const method = request.method ?? 'GET';
  if (method === 'OPTIONS') return json(out, 204, null, cors);
  const body = await readBody(request, MAX_CONTROL_BYTES);
  if (body === null) return json(out, 413, { error: `A control body is at most ${MAX_CONTROL_BYTES} bytes.` }, cors);
  const answer = (status: number, value: unknown) => json(out, status, value, cors);
  const action = path.slice(CONTROL_PREFIX.length);
  if (action === 'faults' && method === 'POST') {
    let faults: SandboxFaults;
    try {
      faults = body.length ? (JSON.parse(body.toString('utf8')) as SandboxFaults) : {};
    } catch {
      return answer(400, { error: 'faults must be JSON' });
    }
    try {
      sandbox.control.setFaults(faults);
    } catch (error) {
      return answer(400, { error: error instanceof Error ? error.message : String(error) });
    }
    return answer(200, { faults: sandbox.control.faults() });
  }
  if (action === 'faults' && method === 'GET') return answer(200, { faults: sandbox.control.faults() });
  if (action === 'log' && method === 'GET') {
    const { control: c } = sandbox;
    return answer(200, { log: c.log(), maxInFlight: c.maxInFlight(), inFlight, requestKeys: c.requestKeyCount() });
  }
  if (action === 'reset' && method === 'POST') {
    sandbox.control.clearLog();
    sandbox.control.resetStats();
    sandbox.control.setFaults({});
    return answer(200, { ok: true });
  }
  if (action === 'rotate' && method === 'POST') {
    await sandbox.control.rotateKeys();
    return answer(200, { version: await sandbox.control.keyVersion('credit-card') });
  }
  return answer(404, { error: `unknown control ${method} ${action}` });
}

export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const samples = options.samples ?? (await loadSamples());
  const sandbox = createSandbox({ ...options, samples });
  const allowedOrigins = options.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS;
  let origin = 'http://127.0.0.1';
  let hosts = new Set<string>();
  const headersTimeout = options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS;
  /**
   * Requests to the service begun and not yet done with, the upload of their body included. One whose
   * caller gave up counts until the sandbox has answered and logged it, so a spec that waits for none
   * in flight finds in the log every request that reached this server.
   */
  let inFlight = 0;
  const server: Server = createServer(
    {
      headersTimeout,
      requestTimeout: Math.max(headersTimeout, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS),
      // How often Node looks for requests past those limits (its default, 30 s, would let them run on).
      connectionsCheckingInterval: Math.min(1_000, Math.max(20, headersTimeout / 4)),
    },
    (request, out) => {
      const started = performance.now();
      // The controls are not counted: they ask about the others.
      const counted = !request.url?.startsWith(CONTROL_PREFIX);
      if (counted) inFlight++;
      void (async () => {
        // Before anything else: nothing, not even an error about the path, for a name rebound to this machine.
        if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
          if (!options.quiet) console.log(`${request.method} 421 (not this server's Host)`);
          return refuseHost(out);
        }
        const url = requestUrl(request, origin);
        if (!url) {
          if (!options.quiet) console.log(`${request.method} 400 (a target that is not a path)`);
          return refuseTarget(out, sandbox.control.faults());
        }
        const path = url.pathname;
        if (path.startsWith(CONTROL_PREFIX)) return control(sandbox, path, request, out, allowedOrigins, inFlight);
        const body = await readBody(request, MAX_REQUEST_BYTES);
        if (body === null) {
          if (!options.quiet) console.log(`${request.method} ${path} 413 (body over ${MAX_REQUEST_BYTES} bytes)`);
          return refuseOversize(request, out, MAX_REQUEST_BYTES, sandbox.control.faults());
        }
        try {
          // Read before the handler runs: a one-shot (`times`) fault may clear itself on the way.
          const faults = sandbox.control.faults();
          const response = await sandbox.fetch(toWebRequest(request, body, origin));
          await sendWebResponse(response, out, faults);
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
      })()
        .catch(() => out.destroy())
        .finally(() => counted && inFlight--);
    },
  );
  server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolveListen);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  hosts = ownHosts(port);
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
      'allow-origin': { type: 'string', multiple: true },
      'no-cors': { type: 'boolean', default: false },
      'hide-request-key': { type: 'boolean', default: false },
      'date-skew': { type: 'string' },
      // Any image but a specimen is read by the on-device reader unless this is given.
      'specimens-only': { type: 'boolean', default: false },
    },
  });
  const faults: SandboxFaults = {
    ...(values.latency ? { latencyMs: Number(values.latency) } : {}),
    ...(values['no-cors'] ? { noCors: true } : {}),
    ...(values['hide-request-key'] ? { hideRequestKey: true } : {}),
    ...(values['date-skew'] ? { dateSkewMs: Number(values['date-skew']) } : {}),
  };
  const server = await startSandboxServer({
    port: Number(values.port),
    appKey: values['app-key'],
    secretKey: values['secret-key'],
    faults: Object.keys(faults).length ? faults : undefined,
    quiet: values.quiet,
    allowedOrigins: values['allow-origin'],
    readCard: values['specimens-only']
      ? undefined
      : nodeCardReader({
          threads: availableParallelism(),
          onRuntime: (name) => values.quiet || console.log(`The on-device reader runs on ${name}.`),
        }),
  });
  console.log(
    `Cardlens sandbox listening on ${server.url}, app key "${values['app-key'] ?? 'sandbox'}" (credentials default to "sandbox")`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
