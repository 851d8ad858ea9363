import { describe, expect, it } from 'vitest';
import { OcrError } from '@/api';
import { runConnectionChecks, summariseChecks, type ConnectionCheckInput, type KeyFacts } from './connection-checks';

const KEY: KeyFacts = { version: '0', modulusBits: 2048, fingerprint: 'aa', latencyMs: 5 };
const NOW = Date.parse('2026-01-01T00:00:00Z');

function input(patch: Partial<ConnectionCheckInput> = {}, headers: Record<string, string> = {}): ConnectionCheckInput {
  return {
    baseUrl: 'https://proxy.example.com',
    apiVersion: 'v2.0',
    appKey: 'k',
    pageOrigin: 'https://app.example.com',
    inPage: false,
    services: ['credit-card', 'id-card'],
    getKey: () => Promise.resolve(KEY),
    fetch: () =>
      Promise.resolve(
        new Response(null, {
          status: 204,
          headers: { Date: new Date(NOW).toUTCString(), 'Access-Control-Expose-Headers': 'Request-Key', ...headers },
        }),
      ),
    cspBlocked: () => false,
    online: true,
    now: () => NOW,
    ...patch,
  };
}
const statuses = async (i: ConnectionCheckInput) =>
  Object.fromEntries((await runConnectionChecks(i)).lines.map((l) => [l.id, `${l.status} ${l.reason}`]));
const network = () => Promise.reject(new OcrError('network', 'x'));

describe('runConnectionChecks', () => {
  it('passes every line for a healthy cross-origin service that exposes Request-Key', async () => {
    expect(await statuses(input())).toEqual({
      reachable: 'pass reachableOk',
      cors: 'pass corsOk',
      csp: 'pass cspOk',
      credentials: 'pass credentialsOk',
      publicKeys: 'pass keysOk',
      requestKey: 'pass requestKeyExposed',
      clock: 'pass clockOk',
    });
  });

  it('tells CORS (an opaque answer came) from nothing answering', async () => {
    const cors = await statuses(input({ getKey: network }));
    expect([cors.reachable, cors.cors, cors.credentials]).toEqual([
      'pass reachableOpaque',
      'fail corsBlocked',
      'skipped skippedCors',
    ]);
    const dead = await statuses(input({ getKey: network, fetch: () => Promise.reject(new TypeError('x')) }));
    expect([dead.reachable, dead.cors]).toEqual(['fail unreachable', 'skipped skippedUnreached']);
    const offline = await statuses(
      input({ getKey: network, online: false, fetch: () => Promise.reject(new TypeError('x')) }),
    );
    expect(offline.reachable).toBe('fail offline');
  });

  it('names the CSP when a violation named the endpoint', async () => {
    const s = await statuses(input({ getKey: network, cspBlocked: () => true }));
    expect([s.csp, s.reachable, s.cors]).toEqual(['fail cspBlocked', 'skipped skippedCsp', 'skipped skippedCsp']);
  });

  it('fails the credentials on 4010001 and skips the keys', async () => {
    const refuse = () => Promise.reject(new OcrError('api', 'x', { resultCode: 4010001 }));
    const s = await statuses(input({ getKey: refuse }));
    expect([s.reachable, s.credentials, s.publicKeys]).toEqual([
      'pass reachableOk',
      'fail credentialsRefused',
      'skipped skippedNoApiAnswer',
    ]);
  });

  it('fails the keys when one is malformed', async () => {
    const s = await statuses(
      input({
        getKey: (service) =>
          service === 'id-card' ? Promise.reject(new OcrError('malformed-response', 'bad key')) : Promise.resolve(KEY),
      }),
    );
    expect(s.publicKeys).toBe('fail keysBad');
  });

  it('passes the credentials but fails the keys when both keys are refused as unusable', async () => {
    const refused = () => Promise.reject(new OcrError('unusable-public-key', 'RSA modulus is 8192 bits'));
    const report = await runConnectionChecks(input({ getKey: refused }));
    const s = Object.fromEntries(report.lines.map((l) => [l.id, `${l.status} ${l.reason}`]));
    expect([s.credentials, s.publicKeys]).toEqual(['pass credentialsOk', 'fail keysBad']);
    expect(report.lines.find((l) => l.id === 'publicKeys')?.params?.detail).toMatch(/8192 bits/);
  });

  it('reads Request-Key exposure and the clock off the OPTIONS answer', async () => {
    const hidden = await statuses(input({}, { 'Access-Control-Expose-Headers': 'Date' }));
    expect(hidden.requestKey).toBe('fail requestKeyHidden');
    const skewed = await runConnectionChecks(input({}, { Date: new Date(NOW - 3 * 3600_000).toUTCString() }));
    expect(skewed.lines.find((l) => l.id === 'clock')).toMatchObject({
      status: 'fail',
      params: { minutes: '180', direction: 'behind' },
    });
    const unseen = await statuses(
      input({
        fetch: () => Promise.resolve(new Response(null, { status: 204 })),
      }),
    );
    expect([unseen.requestKey, unseen.clock]).toEqual(['skipped requestKeyUnseen', 'skipped clockUnseen']);
    const same = await statuses(input({ baseUrl: 'https://app.example.com/nhn-ocr' }, {}));
    expect([same.cors, same.requestKey]).toEqual(['pass sameOrigin', 'pass sameOrigin']);
  });

  it('skips the network lines for the in-page sandbox and sends no probe', async () => {
    const s = await statuses(input({ inPage: true, fetch: () => Promise.reject(new Error('no probe expected')) }));
    expect(s.reachable).toBe('skipped skippedInPage');
    expect(s.publicKeys).toBe('pass keysOk');
  });
});

describe('summariseChecks', () => {
  const summary = async (i: ConnectionCheckInput) => {
    const { first, devProxyFixes, error } = summariseChecks(await runConnectionChecks(i));
    return { first: first && `${first.id} ${first.reason}`, devProxyFixes, error: error !== undefined };
  };
  const dead = { getKey: network, fetch: () => Promise.reject(new TypeError('x')) };

  it('follows the first line that failed: nothing answered is not a CORS problem', async () => {
    expect(await summary(input(dead))).toEqual({ first: 'reachable unreachable', devProxyFixes: null, error: true });
    expect(await summary(input({ ...dead, online: false }))).toEqual({
      first: 'reachable offline',
      devProxyFixes: null,
      error: true,
    });
  });

  it('offers the Dev proxy only when CORS or the CSP is the first failure', async () => {
    expect(await summary(input({ getKey: network }))).toEqual({
      first: 'cors corsBlocked',
      devProxyFixes: 'cors',
      error: false,
    });
    expect(await summary(input({ getKey: network, cspBlocked: () => true }))).toMatchObject({
      first: 'csp cspBlocked',
      devProxyFixes: 'csp',
    });
  });

  it('names refused credentials, and nothing when every line passed', async () => {
    const refuse = () => Promise.reject(new OcrError('api', 'x', { resultCode: 4010001 }));
    expect(await summary(input({ getKey: refuse }))).toEqual({
      first: 'credentials credentialsRefused',
      devProxyFixes: null,
      error: true,
    });
    expect(await summary(input())).toEqual({ first: null, devProxyFixes: null, error: false });
  });
});

describe('proxySnippet', () => {
  it('takes the upstream and the /nhn-ocr/ block from deploy/nginx.conf', async () => {
    const { readFileSync } = await import('node:fs');
    const { proxySnippet } = await import('./connection-checks');
    const snippet = proxySnippet(readFileSync('deploy/nginx.conf', 'utf8'));
    expect(snippet).toMatch(/^set \$cardlens_upstream https:\/\/api-ocr\.nhncloudservice\.com;/);
    expect(snippet).toContain('location ^~ /nhn-ocr/ {');
    expect(snippet).toContain('proxy_pass $cardlens_upstream;');
    expect(snippet).toContain('return 405;');
    expect(snippet.trimEnd().endsWith('}')).toBe(true);
  });
});
