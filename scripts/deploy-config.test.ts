import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../vite.config';
import { MAX_REQUEST_BYTES } from './sandbox-server';
import { renderSiteConfig } from './serve.mjs';

// deploy/nginx.conf keeps copies of two figures that live in code; these tests fail when they part ways.
const conf = readFileSync('deploy/nginx.conf', 'utf8');

describe('deploy/nginx.conf', () => {
  it('sends the build’s own CSP (vite.config.ts) as a header, plus frame-ancestors', () => {
    const header = /add_header Content-Security-Policy "([^"]+)" always;/.exec(conf)?.[1];
    expect(header).toBe(`${contentSecurityPolicy()}; frame-ancestors 'none'`);
  });

  it('caps the proxied body where the sandbox server does: 20 MB and the envelope', () => {
    expect(/client_max_body_size (\d+);/.exec(conf)?.[1]).toBe(String(MAX_REQUEST_BYTES));
  });

  it('has one line for each thing a site changes, which serve.mjs and the e2e test set', () => {
    const site = renderSiteConfig({ port: 9999, root: '/tmp/x', upstream: 'http://127.0.0.1:1', resolver: '10.0.0.1' });
    expect(site).toContain('listen 127.0.0.1:9999;');
    expect(site).toContain('root /tmp/x;');
    expect(site).toContain('set $cardlens_upstream http://127.0.0.1:1;');
    expect(site).toContain('resolver 10.0.0.1 valid=300s;');
    expect(site).toContain('# set $cardlens_upstream https://ocr.api.nhncloudservice.com;');
  });
});
