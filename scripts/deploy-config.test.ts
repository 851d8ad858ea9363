import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, ISOLATION_HEADERS } from '../vite.config';
import { MAX_REQUEST_BYTES } from './sandbox-server';
import { renderSiteConfig } from './serve.mjs';

// deploy/nginx.conf keeps copies of two figures that live in code; these tests fail when they part ways, or
// when the file stops being the HTTPS site that README.md's Deploy section describes.
const conf = readFileSync('deploy/nginx.conf', 'utf8');

describe('deploy/nginx.conf', () => {
  it('sends the build’s own CSP (vite.config.ts) as a header, plus frame-ancestors', () => {
    const header = /add_header Content-Security-Policy "([^"]+)" always;/.exec(conf)?.[1];
    expect(header).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
  });

  it('sends the isolation headers of the dev and preview servers (vite.config.ts) with every answer', () => {
    for (const [name, value] of Object.entries(ISOLATION_HEADERS)) {
      const lines = conf.split('\n').filter((line) => line.includes(`add_header ${name} `));
      // In the server block itself, where no location's add_header can drop it, and on errors too.
      expect(lines, name).toEqual([`    add_header ${name} "${value}" always;`]);
    }
    const tls = [...conf.matchAll(/^server \{\n([\s\S]*?)^\}\n/gm)][1][1];
    expect(tls.split('\n').filter((line) => /^ {8,}add_header /.test(line))).toEqual([]);
  });

  it('caps the proxied body where the sandbox server does: 20 MB and the envelope', () => {
    expect(/client_max_body_size (\d+);/.exec(conf)?.[1]).toBe(String(MAX_REQUEST_BYTES));
  });

  it('ships as an HTTPS site: TLS on 443 with HSTS, and plain HTTP on 80 only redirecting there', () => {
    const servers = [...conf.matchAll(/^server \{\n([\s\S]*?)^\}\n/gm)].map((m) => m[1]);
    expect(servers).toHaveLength(2);
    const [plain, tls] = servers;
    const directives = (block: string) =>
      block
        .split('\n')
        .map((line) => line.replace(/#.*/, '').trim())
        .filter(Boolean);
    expect(directives(plain)).toEqual([
      'listen 80;',
      'server_name cardlens.example.com;',
      'return 301 https://$host$request_uri;',
    ]);
    expect(tls).toMatch(/^\s*listen 443 ssl;/m);
    expect(tls).toMatch(/^\s*ssl_certificate \s*\S+\.pem;\s+# SITE$/m);
    expect(tls).toMatch(/^\s*ssl_certificate_key \S+\.pem;\s+# SITE$/m);
    expect(tls).toMatch(/^ {4}add_header Strict-Transport-Security "max-age=\d{8,}" always;$/m);
  });

  it('decides Cache-Control in the location that answers, never on the URI as requested', () => {
    expect(conf).not.toMatch(/\$request_uri\s+\$cardlens/);
    expect(conf).not.toMatch(/^\s*map /m);
    // A year is set in /assets/ alone; every location of the proxy sets no-store.
    const year = [...conf.matchAll(/set \$cardlens_cache_control "([^"]*max-age=31536000[^"]*)";/g)];
    const assets = /^ {4}location \/assets\/ \{\n[\s\S]*?^ {4}\}\n/m.exec(conf)![0];
    expect(year.length).toBeGreaterThan(0);
    expect([...assets.matchAll(/max-age=31536000/g)]).toHaveLength(year.length);
    const proxy = /^ {4}location \^~ \/nhn-ocr\/ \{\n[\s\S]*?^ {4}\}\n/m.exec(conf)![0];
    const [, ...inside] = proxy.split(/^ {8}location /m);
    expect(inside).toHaveLength(2);
    for (const block of inside) expect(block).toContain('set $cardlens_cache_control "no-store";');
    expect(proxy).toMatch(/ {8}set \$cardlens_cache_control "no-store";\n {8}return 404;\n {4}\}\n$/);
  });

  it('has one line for each thing a site changes, which serve.mjs and the e2e tests set', () => {
    const options = { port: 9999, root: '/tmp/x', upstream: 'http://127.0.0.1:1', resolver: '10.0.0.1' };
    const tls = renderSiteConfig({
      ...options,
      tls: { certificate: '/tmp/c.pem', key: '/tmp/k.pem', redirectPort: 9080 },
    });
    expect(tls).toContain('listen 127.0.0.1:9999 ssl;');
    expect(tls).toContain('listen 127.0.0.1:9080;');
    expect(tls).toContain('return 301 https://$host:9999$request_uri;');
    expect(tls).toContain('ssl_certificate /tmp/c.pem;');
    expect(tls).toContain('ssl_certificate_key /tmp/k.pem;');
    for (const site of [tls, renderSiteConfig(options)]) {
      expect(site).toContain('root /tmp/x;');
      expect(site).toContain('set $cardlens_upstream http://127.0.0.1:1;');
      expect(site).toContain('resolver 10.0.0.1 valid=300s;');
      expect(site).toContain('# set $cardlens_upstream https://ocr.api.nhncloudservice.com;');
      expect(site).not.toContain('example.com;');
    }
  });

  it('serves plain HTTP on 127.0.0.1 for `npm run serve`: no certificate and no redirect', () => {
    const plain = renderSiteConfig({ port: 8080, root: '/tmp/x', upstream: 'http://127.0.0.1:1' });
    expect(plain).toContain('listen 127.0.0.1:8080;');
    expect(plain).not.toMatch(/^\s*ssl_/m);
    expect(plain).not.toContain('return 301');
    expect(plain.match(/^server \{/gm)).toHaveLength(1);
  });
});
