import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from '@playwright/test';
import { browserLaunchOptions } from '../../scripts/browser.mjs';
import { findNginx, findOpenssl, NO_NGINX_MESSAGE } from '../../scripts/provision-nginx.mjs';
import { startSandboxServer, type SandboxServer } from '../../scripts/sandbox-server';
import { selfSignedCertificate, startNginx, type RunningNginx } from '../../scripts/serve.mjs';

/** A certificate made for this run, and the browser told to trust it: a service worker needs a valid one. */
function testCertificate(openssl: string): { certificate: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cardlens-certificate-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const pair = selfSignedCertificate(dir, openssl);
  const spki = createPublicKey(readFileSync(pair.certificate)).export({ type: 'spki', format: 'der' });
  const launch = browserLaunchOptions();
  const trust = `--ignore-certificate-errors-spki-list=${createHash('sha256').update(spki).digest('base64')}`;
  test.use({ launchOptions: { ...launch, args: [...(launch.args ?? []), trust] } });
  // Requests made from the test itself (the request fixture) know nothing of it.
  test.use({ ignoreHTTPSErrors: true });
  return pair;
}

/**
 * Debian's nginx with deploy/nginx.conf as it ships, HTTPS on `port` with a certificate made for the test
 * and the redirect from plain HTTP on `redirectPort`, its /nhn-ocr proxy pointed at a sandbox server, for the
 * specs of the file that calls this; they skip where nginx or openssl cannot be installed. It serves
 * dist-e2e/ (the production build plus the test hook, which `npm test` builds) unless CARDLENS_NGINX_ROOT
 * names another folder.
 */
export function nginxSite(
  port: number,
  redirectPort: number,
): { nginx: () => RunningNginx; sandbox: () => SandboxServer } {
  const binary = findNginx();
  const openssl = findOpenssl();
  const root = resolve(import.meta.dirname, '../..', process.env.CARDLENS_NGINX_ROOT ?? 'dist-e2e');
  let sandbox: SandboxServer | undefined;
  let nginx: RunningNginx | undefined;
  test.skip(!binary || !openssl, NO_NGINX_MESSAGE);
  const pair = openssl ? testCertificate(openssl) : undefined;
  test.beforeAll(async () => {
    sandbox = await startSandboxServer({ quiet: true });
    nginx = await startNginx({ nginx: binary!, port, root, upstream: sandbox.url, tls: { redirectPort, ...pair } });
  });
  test.afterAll(async () => {
    await nginx?.stop();
    await sandbox?.close();
  });
  return { nginx: () => nginx!, sandbox: () => sandbox! };
}
