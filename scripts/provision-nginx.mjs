// Makes sure an nginx exists for e2e/nginx.spec.ts and `npm run serve`, and the openssl that makes the
// tests' certificate, installing Debian's if needed, as scripts/provision-browser.mjs does for Chromium. It
// never fails the test run: where either cannot be had, it says so and the nginx specs skip with the same
// message.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** NGINX_PATH, else the usual places. */
export function findNginx() {
  for (const candidate of [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** OPENSSL_PATH, else the usual places: the tests make their HTTPS certificate with it. */
export function findOpenssl() {
  for (const candidate of [process.env.OPENSSL_PATH, '/usr/bin/openssl', '/usr/local/bin/openssl']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  return undefined;
}

export const NO_NGINX_MESSAGE =
  'No nginx, or no openssl to make its test certificate, could be found or installed, so the nginx tests are ' +
  'skipped. On Debian or Ubuntu run `sudo apt-get install nginx openssl` (or set NGINX_PATH and OPENSSL_PATH ' +
  'to the binaries), then run `npm test` again.';

function run(command, args, timeoutMs) {
  console.log(`[provision-nginx] ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', timeout: timeoutMs });
  return result.status === 0;
}

/** The nginx binary, after installing nginx and openssl where either is missing and it can. */
export function provisionNginx() {
  const missing = [findNginx() ? null : 'nginx', findOpenssl() ? null : 'openssl'].filter(Boolean);
  if (missing.length === 0) return findNginx();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/etc/debian_version') && existsSync('/usr/bin/apt-get')) {
    // The package's own service would take port 80; the tests run their own nginx on a high port. A
    // policy-rc.d that says "no" keeps the install from starting it, and is removed afterwards.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    Object.assign(process.env, env);
    const policy = '/usr/sbin/policy-rc.d';
    const ownPolicy = !existsSync(policy);
    if (ownPolicy) spawnSync('sh', ['-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod +x ${policy}`]);
    try {
      if (run('apt-get', ['update', '-qq'], 5 * 60_000)) {
        run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], 10 * 60_000);
      }
    } finally {
      if (ownPolicy) spawnSync('rm', ['-f', policy]);
    }
  }
  return findNginx();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const nginx = provisionNginx();
  const openssl = findOpenssl();
  if (nginx && openssl) console.log(`[provision-nginx] using ${nginx}, and ${openssl} for the test certificate`);
  else console.warn(`[provision-nginx] ${NO_NGINX_MESSAGE}`);
}
