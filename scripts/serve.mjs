// npm run serve -- [--port 8080] [--root dist] [--upstream https://api-ocr.nhncloudservice.com] [--tls]
// Serves a production build behind deploy/nginx.conf on 127.0.0.1, so a team can try the deployment before
// copying the file: over plain HTTP, which a browser treats as a secure context on 127.0.0.1, or with --tls
// as the file ships, HTTPS (on 8443, with a throwaway certificate the browser will warn about) and the
// redirect from plain HTTP (on 8080). e2e/nginx.spec.ts starts nginx through the same functions, with TLS
// and the sandbox upstream.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { findOpenssl, NO_NGINX_MESSAGE, provisionNginx } from './provision-nginx.mjs';

const ROOT = resolve(import.meta.dirname, '..');
export const NGINX_CONF = join(ROOT, 'deploy/nginx.conf');

/** Every `directive value;` line of deploy/nginx.conf that matches, replaced; throws unless there are `count`. */
function replaceLine(text, pattern, replacement, what, count = 1) {
  const matches = text.match(new RegExp(pattern.source, 'gm')) ?? [];
  if (matches.length !== count)
    throw new Error(`deploy/nginx.conf: expected ${count} ${what} line(s), found ${matches.length}`);
  return text.replace(new RegExp(pattern.source, 'gm'), replacement);
}

/** The file without its plain-HTTP server, the one that only redirects to HTTPS. */
function withoutRedirectServer(text) {
  const servers = [...text.matchAll(/^server \{\n[\s\S]*?^\}\n/gm)].map((match) => match[0]);
  const redirects = servers.filter((server) => /^\s*return 301 https:/m.test(server));
  if (redirects.length !== 1)
    throw new Error(`deploy/nginx.conf: expected one server that redirects to HTTPS, found ${redirects.length}`);
  return text.replace(redirects[0], '');
}

/** The first nameserver in /etc/resolv.conf, for an upstream given by name. */
function systemResolver() {
  try {
    const line = /^nameserver\s+(\S+)/m.exec(readFileSync('/etc/resolv.conf', 'utf8'));
    if (line) return line[1].includes(':') ? `[${line[1]}]` : line[1];
  } catch {
    // no resolv.conf: keep the file's own resolver line
  }
  return undefined;
}

/**
 * deploy/nginx.conf with its SITE lines set: `root`, the upstream, the resolver, and where it listens on
 * 127.0.0.1. With `tls`, as the file ships: HTTPS on `port` with that certificate, and the redirect to it
 * from plain HTTP on `tls.redirectPort`. Without, plain HTTP on `port`, with no certificate and no redirect.
 * Everything else is the file as committed.
 */
export function renderSiteConfig({ port, root, upstream, resolver = systemResolver(), tls }) {
  let text = readFileSync(NGINX_CONF, 'utf8');
  text = replaceLine(text, /^(\s*)server_name .*$/, '$1server_name 127.0.0.1;', 'server_name', 2);
  text = replaceLine(text, /^(\s*)root .*$/, `$1root ${root};`, 'root');
  text = replaceLine(text, /^(\s*)set \$cardlens_upstream .*$/, `$1set $cardlens_upstream ${upstream};`, 'upstream');
  if (resolver) text = replaceLine(text, /^(\s*)resolver .*$/, `$1resolver ${resolver} valid=300s;`, 'resolver');
  if (tls) {
    text = replaceLine(text, /^(\s*)listen 443 ssl;.*$/, `$1listen 127.0.0.1:${port} ssl;`, 'HTTPS listen');
    text = replaceLine(text, /^(\s*)listen 80;.*$/, `$1listen 127.0.0.1:${tls.redirectPort};`, 'HTTP listen');
    text = replaceLine(
      text,
      /^(\s*)return 301 https:\/\/\$host\$request_uri;$/,
      `$1return 301 https://$host:${port}$request_uri;`,
      'redirect',
    );
    text = replaceLine(text, /^(\s*)ssl_certificate .*$/, `$1ssl_certificate ${tls.certificate};`, 'ssl_certificate');
    text = replaceLine(text, /^(\s*)ssl_certificate_key .*$/, `$1ssl_certificate_key ${tls.key};`, 'certificate key');
  } else {
    text = withoutRedirectServer(text);
    text = replaceLine(text, /^(\s*)listen 443 ssl;.*$/, `$1listen 127.0.0.1:${port};`, 'HTTPS listen');
    text = text.replace(/^\s*ssl_\w+ .*\n/gm, '');
  }
  return text;
}

/** A throwaway certificate for 127.0.0.1 and localhost, signed by itself and valid for a day, made in `dir`. */
export function selfSignedCertificate(dir, openssl = findOpenssl()) {
  if (!openssl) throw new Error(NO_NGINX_MESSAGE);
  const certificate = join(dir, 'certificate.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync(
    openssl,
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
      ...['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
      ...['-keyout', key, '-out', certificate],
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl made no certificate: ${made.stderr || made.error}`);
  return { certificate, key };
}

/** A whole nginx.conf around the site, everything in `dir`, for an unprivileged nginx in the foreground. */
export function renderMainConfig(dir, siteFile) {
  const mime = existsSync('/etc/nginx/mime.types') ? 'include /etc/nginx/mime.types;' : '';
  // Started as root, nginx hands its workers to 'nobody', who cannot read a build or write temp files in
  // a private folder (a fresh clone under mktemp -d is 0700): keep them as the user who started it.
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  return `# generated by scripts/serve.mjs
${user}worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 256; }
http {
    ${mime}
    default_type application/octet-stream;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    sendfile on;
    server_tokens off;
    include ${siteFile};
}
`;
}

/**
 * Starts nginx with deploy/nginx.conf on 127.0.0.1:`port`: plain HTTP, or with `tls` HTTPS there (with the
 * certificate and key given, else a throwaway one) and the redirect from plain HTTP on `tls.redirectPort`. Resolves once
 * it answers, with its URL, the redirect's, the folder holding its logs, and stop(). Rejects with nginx's own
 * words when it will not start.
 */
export async function startNginx({ nginx, port, root, upstream, resolver, tls }) {
  const dir = mkdtempSync(join(tmpdir(), 'cardlens-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const siteFile = join(dir, 'cardlens.conf');
  const pair = tls && (tls.certificate && tls.key ? tls : selfSignedCertificate(dir, tls.openssl));
  const site = tls && { certificate: pair.certificate, key: pair.key, redirectPort: tls.redirectPort };
  writeFileSync(siteFile, renderSiteConfig({ port, root: resolve(root), upstream, resolver, tls: site }));
  const mainFile = join(dir, 'nginx.conf');
  writeFileSync(mainFile, renderMainConfig(dir, siteFile));
  const child = spawn(nginx, ['-p', dir, '-c', mainFile, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const redirectUrl = tls ? `http://127.0.0.1:${tls.redirectPort}` : undefined;
  // Plain HTTP answers once nginx listens: the site itself, or the redirect (Node trusts no throwaway certificate).
  const probe = redirectUrl ?? url;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${output.trim()}`);
    try {
      await fetch(probe, { method: 'HEAD', redirect: 'manual' });
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`nginx did not answer on ${probe}: ${output.trim()}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    redirectUrl,
    dir,
    log: () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''),
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      root: { type: 'string', default: 'dist' },
      upstream: { type: 'string', default: 'https://api-ocr.nhncloudservice.com' },
      tls: { type: 'boolean', default: false },
      'http-port': { type: 'string', default: '8080' },
    },
  });
  const root = resolve(ROOT, values.root);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`[serve] ${root} has no index.html: run \`npm run build\` first.`);
    process.exit(1);
  }
  const nginx = provisionNginx();
  if (!nginx || (values.tls && !findOpenssl())) {
    console.error(`[serve] ${NO_NGINX_MESSAGE}`);
    process.exit(1);
  }
  const server = await startNginx({
    nginx,
    port: Number(values.port ?? (values.tls ? '8443' : '8080')),
    root,
    upstream: values.upstream,
    tls: values.tls ? { redirectPort: Number(values['http-port']) } : undefined,
  });
  const redirect = server.redirectUrl
    ? ` with a certificate made for this run (the browser warns: it is no one's), ${server.redirectUrl} redirecting to it`
    : '';
  console.log(
    `[serve] Cardlens on ${server.url}${redirect} (nginx with deploy/nginx.conf, ${values.root}/), ` +
      `/nhn-ocr → ${values.upstream}. Choose the "Dev proxy" endpoint. Ctrl-C stops it.`,
  );
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
