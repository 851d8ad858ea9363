import { request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOcrClient, OcrError } from '@/api';
import { MAX_IMAGE_BYTES } from '@/lib/image-format';
import { sample, sampleImage } from '@/test-support/sandbox-fixture';
import { MAX_REQUEST_BYTES, startSandboxServer, type SandboxServer } from './sandbox-server';

const client = (server: SandboxServer) =>
  createOcrClient({ baseUrl: server.url, appKey: 'sandbox', auth: { kind: 'secret-key', secretKey: 'sandbox' } });

describe('the sandbox behind a Node HTTP server', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ quiet: true });
  });
  afterAll(() => server.close());

  const client = () =>
    createOcrClient({ baseUrl: server.url, appKey: 'sandbox', auth: { kind: 'secret-key', secretKey: 'sandbox' } });

  it('listens on 127.0.0.1 only', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
  });

  it('answers a CORS preflight with the allow and expose headers', async () => {
    const response = await fetch(`${server.url}/v2.0/appkeys/sandbox/id-card`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://127.0.0.1:4173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,symmetric-key',
      },
    });
    expect(response.status).toBe(204);
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const name of [
      'authorization',
      'x-key-version',
      'symmetric-key',
      'request-key',
      'content-type',
      'x-nhn-authorization',
    ]) {
      expect(allowed).toContain(name);
    }
    // Date and the list itself too, so a page on another origin can read them (the connection check).
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'Request-Key, Date, Access-Control-Expose-Headers',
    );
  });

  it('runs an analysis over real HTTP and returns the Request-Key header', async () => {
    const analysis = await client().analyzeIdCard(sampleImage('id-resident.png'));
    expect(analysis.requestKey).toMatch(/^[0-9a-f]{32}$/);
  });

  it('takes faults over POST /__sandbox/faults and clears them on reset', async () => {
    const set = await fetch(`${server.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ resultCode: 5000503 }),
    });
    expect(set.status).toBe(200);
    await expect(client().analyzeCreditCard(sampleImage('credit-card.png'))).rejects.toMatchObject({
      resultCode: 5000503,
    });
    await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
    const { result } = await client().analyzeCreditCard(sampleImage('credit-card.png'));
    expect(result).toEqual(sample('credit-card.png').result);
  });

  it('counts the requests in flight, one whose caller gave up until the sandbox has answered it', async () => {
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow = await startSandboxServer({ quiet: true, faults: { latencyMs: 1 }, sleep: () => held });
    try {
      const state = async () =>
        (await (await fetch(`${slow.url}/__sandbox/log`)).json()) as { inFlight: number; log: unknown[] };
      expect((await state()).inFlight).toBe(0);
      const caller = new AbortController();
      const asked = fetch(`${slow.url}/v2.0/appkeys/sandbox/public-keys/credit-card`, {
        headers: { Authorization: 'sandbox' },
        signal: caller.signal,
      }).catch((error: unknown) => (error as Error).name);
      await vi.waitFor(async () => expect((await state()).inFlight).toBe(1));
      caller.abort();
      expect(await asked).toBe('AbortError');
      expect(await state()).toMatchObject({ inFlight: 1, log: [] });
      answer();
      await vi.waitFor(async () => expect((await state()).inFlight).toBe(0));
      expect((await state()).log).toMatchObject([
        { method: 'GET', path: '/v2.0/appkeys/sandbox/public-keys/credit-card' },
      ]);
    } finally {
      await slow.close();
    }
  });

  it('drops the connection on demand, which the client reports as a network failure', async () => {
    await fetch(`${server.url}/__sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ dropConnection: true, times: 1 }),
    });
    const c = client();
    await c.getPublicKey('credit-card');
    const error: unknown = await c.analyzeCreditCard(sampleImage('credit-card.png')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OcrError);
    expect((error as OcrError).kind).toBe('network');
  });

  it('leaves Request-Key out of the expose header when asked', async () => {
    await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ hideRequestKey: true }) });
    const c = client();
    await c.getPublicKey('id-card');
    const form = new FormData();
    form.append('image', new Blob(['x']), 'x.png');
    const response = await fetch(`${server.url}/v2.0/appkeys/sandbox/id-card`, {
      method: 'POST',
      headers: { Authorization: 'sandbox' },
      body: form,
    });
    expect(response.headers.get('access-control-expose-headers')).toBe('Date, Access-Control-Expose-Headers');
    // On the preflight and the key fetch too, where a page could see it without a billed call.
    const preflight = await fetch(`${server.url}/v2.0/appkeys/sandbox/id-card`, { method: 'OPTIONS' });
    expect(preflight.headers.get('access-control-expose-headers')).not.toMatch(/request-key/i);
    const key = await fetch(`${server.url}/v2.0/appkeys/sandbox/public-keys/id-card`, {
      headers: { Authorization: 'sandbox' },
    });
    expect(key.headers.get('access-control-expose-headers')).not.toMatch(/request-key/i);
    await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
  });

  it('answers with no CORS header at all when asked, preflights included', async () => {
    await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ noCors: true }) });
    for (const method of ['OPTIONS', 'GET']) {
      const response = await fetch(`${server.url}/v2.0/appkeys/sandbox/public-keys/id-card`, {
        method,
        headers: { Authorization: 'sandbox' },
      });
      expect([...response.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    }
    await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
  });

  it('skews its Date header when asked', async () => {
    const skew = -3 * 60 * 60_000;
    await fetch(`${server.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify({ dateSkewMs: skew }) });
    const response = await fetch(`${server.url}/v2.0/appkeys/sandbox/public-keys/id-card`, {
      headers: { Authorization: 'sandbox' },
    });
    const off = Date.parse(response.headers.get('date') ?? '') - Date.now();
    expect(Math.abs(off - skew)).toBeLessThan(5_000);
    await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' });
  });

  it('logs one line per request, with no secret or decrypted value in it', async () => {
    const secret = 'S3CRET-never-logged-7f3a';
    const lines: string[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.join(' '));
    const own = await startSandboxServer({ secretKey: secret });
    try {
      const c = createOcrClient({
        baseUrl: own.url,
        appKey: 'sandbox',
        auth: { kind: 'secret-key', secretKey: secret },
      });
      await c.analyzeIdCard(sampleImage('id-resident.png'));
      await c.analyzeCreditCard(sampleImage('credit-card.png'));
    } finally {
      console.log = original;
      await own.close();
    }
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^GET \/v2\.0\/appkeys\/sandbox\/public-keys\/id-card 0 \d+ms$/);
    const everything = lines.join('\n') + JSON.stringify(own.sandbox.control.log());
    for (const leak of [secret, '홍길동', '9001011234568', '4111111111111111']) expect(everything).not.toContain(leak);
  });
});

/** One HTTP exchange with headers fetch will not set (Host), or a body streamed until the server answers. */
function exchange(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array;
    stream?: { chunk: number; upTo: number };
  } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string; sent: number }> {
  return new Promise((resolveExchange, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolveExchange({
          status: res.statusCode!,
          headers: res.headers,
          body: Buffer.concat(chunks).toString(),
          sent,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (answered) return;
      // Streaming past a server that has answered and closed: on loopback the reset can come before the
      // answer is read. Status 0 says so; the caller decides whether that will do.
      const reset = options.stream && (error.code === 'EPIPE' || error.code === 'ECONNRESET');
      if (reset) resolveExchange({ status: 0, headers: {}, body: '', sent });
      else reject(error);
    });
    if (options.body) {
      sent = options.body.length;
      req.end(options.body);
    } else if (options.stream) {
      const { chunk, upTo } = options.stream;
      const block = Buffer.alloc(chunk, 0x41);
      // Writes until the server answers; `upTo` is only a safety net for a server that never does.
      const pump = () => {
        while (!answered && sent < upTo) {
          sent += chunk;
          if (!req.write(block)) return void req.once('drain', pump);
        }
        if (!answered) req.end();
      };
      pump();
    } else req.end();
  });
}

describe('the sandbox server keeps to itself', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ quiet: true, maxLogEntries: 3, maxRequestKeys: 2 });
  });
  afterAll(() => server.close());
  const control = (path: string) => `${server.url}/__sandbox/${path}`;

  it('refuses a body over its cap with HTTP 413 and a result header in NHN shape, before reading it', async () => {
    const tooBig = new Uint8Array(MAX_REQUEST_BYTES + 1);
    const answer = await exchange(`${server.url}/v2.0/appkeys/sandbox/credit-card`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(tooBig.length) },
      body: tooBig,
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      header: { isSuccessful: false, resultCode: 4131000 },
    });
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('stops reading a body with no length once it passes the cap', async () => {
    const answer = await exchange(`${server.url}/v2.0/appkeys/sandbox/credit-card`, {
      method: 'POST',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x', 'Transfer-Encoding': 'chunked' },
      stream: { chunk: 256 * 1024, upTo: 4 * MAX_REQUEST_BYTES },
    });
    // The 413, or a reset that overtook it (status 0): the app's client takes a network error on an upload this
    // large for the size error. Either way the server stopped reading soon after the cap.
    expect([413, 0]).toContain(answer.status);
    expect(answer.sent).toBeLessThan(2 * MAX_REQUEST_BYTES);
    // And it still serves the next request.
    await expect(client(server).getPublicKey('credit-card')).resolves.toMatchObject({
      key: expect.stringMatching(/^MII[A-Za-z0-9+/]+=*$/),
      version: '0',
    });
  });

  it('gives the client the size error for an upload past the cap', async () => {
    const image = new Uint8Array(MAX_REQUEST_BYTES);
    image.set([0xff, 0xd8, 0xff, 0xe0]);
    await expect(client(server).analyzeCreditCard({ bytes: image, fileName: 'image.jpg' })).rejects.toMatchObject({
      kind: 'api',
      resultCode: 4131000,
      status: 413,
    });
  });

  it('takes a 20 MB image, envelope and all: the cap is above the service limit', async () => {
    const image = new Uint8Array(MAX_IMAGE_BYTES);
    image.set([0xff, 0xd8, 0xff, 0xe0]);
    // Not a sample, so "no card found": the sandbox read, decrypted and sized the whole upload.
    await expect(client(server).analyzeCreditCard({ bytes: image, fileName: 'image.jpg' })).rejects.toMatchObject({
      resultCode: 4000111,
    });
  });

  it('answers its controls without an Origin, or from the app’s own origins, naming the origin', async () => {
    expect((await exchange(control('faults'))).status).toBe(200);
    for (const origin of ['http://127.0.0.1:4173', 'http://127.0.0.1:5173', 'http://localhost:5173']) {
      const answer = await exchange(control('faults'), { headers: { Origin: origin } });
      expect(answer.status, origin).toBe(200);
      expect(answer.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(answer.headers.vary).toMatch(/Origin/);
    }
  });

  it('refuses its controls to any other web page, preflight included', async () => {
    await exchange(control('reset'), { method: 'POST' });
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null']) {
      const rotate = await exchange(control('rotate'), { method: 'POST', headers: { Origin: origin } });
      expect(rotate.status, origin).toBe(403);
      expect(rotate.headers['access-control-allow-origin'], origin).toBeUndefined();
      const log = await exchange(control('log'), { headers: { Origin: origin } });
      expect(log.status, origin).toBe(403);
      expect(log.body, origin).not.toMatch(/public-keys/);
      const preflight = await exchange(control('faults'), {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      expect(preflight.status, origin).toBe(403);
      expect(preflight.headers['access-control-allow-origin'], origin).toBeUndefined();
    }
    expect(await server.sandbox.control.keyVersion('credit-card')).toBe('0'); // never rotated
  });

  it('takes its allowed origins as an option', async () => {
    const own = await startSandboxServer({ quiet: true, allowedOrigins: ['https://cardlens.example'] });
    try {
      const url = `${own.url}/__sandbox/faults`;
      expect((await exchange(url, { headers: { Origin: 'https://cardlens.example' } })).status).toBe(200);
      expect((await exchange(url, { headers: { Origin: 'http://127.0.0.1:4173' } })).status).toBe(403);
    } finally {
      await own.close();
    }
  });

  it('keeps a bounded log and a bounded Request-Key store', async () => {
    const c = client(server);
    for (let i = 0; i < 5; i++) await c.getPublicKey('id-card', { fresh: true });
    for (let i = 0; i < 3; i++) await c.analyzeIdCard(sampleImage('id-resident.png'));
    const { log, requestKeys } = JSON.parse((await exchange(control('log'))).body) as {
      log: unknown[];
      requestKeys: number;
    };
    expect(log).toHaveLength(3);
    expect(requestKeys).toBe(2);
  });
});

/** Writes `text` on a fresh connection and resolves, with all that came back, once the server closes it. */
function rawExchange(port: number, text: string): Promise<string> {
  return new Promise((resolveExchange) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    // The server may close before the whole text is written: that is an answer too.
    socket.on('error', () => undefined);
    socket.on('close', () => resolveExchange(received));
    socket.write(text);
  });
}

describe('the sandbox server answers only its own Host and holds nothing open for long', () => {
  let server: SandboxServer;
  beforeAll(async () => {
    server = await startSandboxServer({ quiet: true, headersTimeoutMs: 200, requestTimeoutMs: 400 });
  });
  afterAll(() => server.close());
  const key = () => `${server.url}/v2.0/appkeys/sandbox/public-keys/credit-card`;
  const withHost = (host: string, method = 'GET', url = key()) =>
    exchange(url, { method, headers: { Host: host, Authorization: 'sandbox' } });

  it('answers a Host of 127.0.0.1 or localhost at its own port', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `LOCALHOST:${server.port}`]) {
      expect((await withHost(host)).status, host).toBe(200);
    }
  });

  it('answers any other Host with 421 before anything else, controls and preflights included (DNS rebinding)', async () => {
    const port = server.port;
    const others = [
      `evil.example:${port}`,
      'evil.example',
      `127.0.0.1.evil.example:${port}`,
      `10.0.0.1:${port}`,
      `[::1]:${port}`,
      'localhost',
      '127.0.0.1:1',
      `localhost:${port}.evil.example`,
    ];
    for (const host of others) {
      const answers = [
        await withHost(host),
        await withHost(host, 'OPTIONS'),
        await withHost(host, 'GET', `${server.url}/__sandbox/log`),
        await withHost(host, 'GET', `${server.url}/v2.0/appkeys/%zz/public-keys/credit-card`),
      ];
      for (const answer of answers) {
        expect(answer.status, host).toBe(421);
        expect(answer.body, host).not.toMatch(/key|log|resultCode/);
        expect(answer.headers['access-control-allow-origin'], host).toBeUndefined();
      }
    }
  });

  it('answers a request without a Host with 421', async () => {
    const answer = await rawExchange(server.port, 'GET /__sandbox/log HTTP/1.0\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 421 /);
  });

  it.each([
    ['a malformed %-escape in the path', '/v2.0/appkeys/%E0%A4%A/public-keys/credit-card'],
    ['a bare % in the path', '/v2.0/appkeys/sandbox%/public-keys/credit-card'],
    ['a target that is not a path', '//[/v2.0'],
  ])('answers %s with 400 in NHN shape, instead of dropping the connection', async (_, path) => {
    const answer = await exchange(`${server.url}${path}`, { headers: { Authorization: 'sandbox' } });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toMatchObject({ header: { isSuccessful: false, resultCode: 400 } });
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it('closes a request whose headers stall, with 408', { timeout: 10_000 }, async () => {
    const answer = await rawExchange(
      server.port,
      `GET /v2.0/appkeys/sandbox/public-keys/credit-card HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a request whose body stalls, with 408', { timeout: 10_000 }, async () => {
    const headers = [
      'POST /v2.0/appkeys/sandbox/credit-card HTTP/1.1',
      `Host: 127.0.0.1:${server.port}`,
      'Authorization: sandbox',
      'Content-Type: multipart/form-data; boundary=x',
      'Content-Length: 1000',
    ];
    const answer = await rawExchange(server.port, `${headers.join('\r\n')}\r\n\r\n--x\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('closes a connection past its bound unanswered, and serves the ones within it', { timeout: 10_000 }, async () => {
    const own = await startSandboxServer({ quiet: true, maxConnections: 2 });
    const head = `GET /v2.0/appkeys/sandbox/public-keys/credit-card HTTP/1.1\r\nHost: 127.0.0.1:${own.port}\r\n`;
    const rest = 'Authorization: sandbox\r\nConnection: close\r\n\r\n';
    // Two connections held open, their headers unfinished, then a third: past the bound.
    const held = Array.from({ length: 2 }, () => connect(own.port, '127.0.0.1').on('error', () => undefined));
    try {
      await Promise.all(held.map((socket) => new Promise((resolveConnect) => socket.once('connect', resolveConnect))));
      for (const socket of held) socket.write(head);
      expect(await rawExchange(own.port, head + rest)).toBe('');
      const answers = held.map(
        (socket) =>
          new Promise<string>((resolveAnswer) => {
            let received = '';
            socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
            socket.on('close', () => resolveAnswer(received));
          }),
      );
      for (const socket of held) socket.write(rest);
      for (const answer of await Promise.all(answers)) expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    } finally {
      for (const socket of held) socket.destroy();
      await own.close();
    }
  });
});
