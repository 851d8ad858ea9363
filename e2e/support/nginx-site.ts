import { resolve } from 'node:path';
import { test } from '@playwright/test';
import { findNginx, NO_NGINX_MESSAGE } from '../../scripts/provision-nginx.mjs';
import { startSandboxServer, type SandboxServer } from '../../scripts/sandbox-server';
import { startNginx, type RunningNginx } from '../../scripts/serve.mjs';

/**
 * Debian's nginx with deploy/nginx.conf serving the build on `port`, its /nhn-ocr proxy pointed at a
 * sandbox server, for the specs of the file that calls this; they skip where nginx cannot be installed.
 * It serves dist-e2e/ (the production build plus the test hook, which `npm test` builds) unless
 * CARDLENS_NGINX_ROOT names another folder.
 */
export function nginxSite(port: number): { nginx: () => RunningNginx; sandbox: () => SandboxServer } {
  const binary = findNginx();
  const root = resolve(import.meta.dirname, '../..', process.env.CARDLENS_NGINX_ROOT ?? 'dist-e2e');
  let sandbox: SandboxServer | undefined;
  let nginx: RunningNginx | undefined;
  test.skip(!binary, NO_NGINX_MESSAGE);
  test.beforeAll(async () => {
    sandbox = await startSandboxServer({ quiet: true });
    nginx = await startNginx({ nginx: binary!, port, root, upstream: sandbox.url });
  });
  test.afterAll(async () => {
    await nginx?.stop();
    await sandbox?.close();
  });
  return { nginx: () => nginx!, sandbox: () => sandbox! };
}
