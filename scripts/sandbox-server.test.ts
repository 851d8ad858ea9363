import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOcrClient, OcrError } from '@/api';
import { sampleImage } from '@/test-support/sandbox-fixture';
import { startSandboxServer, type SandboxServer } from './sandbox-server';

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
    expect(response.headers.get('access-control-expose-headers')).toBe('Request-Key');
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
    await expect(client().analyzeCreditCard(sampleImage('credit-card.png'))).resolves.toBeTruthy();
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
    expect(response.headers.get('access-control-expose-headers')).toBeNull();
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
