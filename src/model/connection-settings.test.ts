import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isLoopbackHost, plainHttpOrigin, unconfirmedPlainHttp } from './connection-settings';

describe('plain HTTP to another computer', () => {
  it.each([
    'http://127.0.0.1:8787',
    'http://127.0.0.1',
    'http://127.255.255.254:80/api',
    'http://127.1:8787', // URL spells it 127.0.0.1
    'http://0x7f000001/', // and this
    'http://localhost:8787/',
    'http://LOCALHOST',
    'http://[::1]:8787',
    'http://[0:0:0:0:0:0:0:1]/', // URL spells it [::1]
    '  http://127.0.0.1:8787  ',
  ])('%s stays on this computer', (url) => {
    expect(plainHttpOrigin(url)).toBeNull();
  });

  it.each([
    ['http://192.0.2.1:9/', 'http://192.0.2.1:9'],
    ['http://ocr-proxy.example.com/nhn', 'http://ocr-proxy.example.com'],
    ['http://10.0.0.5:8787', 'http://10.0.0.5:8787'],
    ['http://0.0.0.0:8787', 'http://0.0.0.0:8787'],
    ['http://128.0.0.1', 'http://128.0.0.1'],
    ['http://localhost.example.com', 'http://localhost.example.com'],
    ['http://127.0.0.1.nip.io', 'http://127.0.0.1.nip.io'],
    ['http://[::2]', 'http://[::2]'],
    ['http://[::ffff:127.0.0.1]', 'http://[::ffff:7f00:1]'], // not listed as loopback: warn rather than guess
  ])('%s goes to another computer in clear', (url, origin) => {
    expect(plainHttpOrigin(url)).toBe(origin);
  });

  it.each(['https://192.0.2.1', 'https://api-ocr.nhncloudservice.com', 'not a url', '', 'ftp://192.0.2.1'])(
    '%j is not plain HTTP',
    (url) => {
      expect(plainHttpOrigin(url)).toBeNull();
    },
  );

  it('loopback hosts as URL gives them', () => {
    expect(['127.0.0.1', '127.9.9.9', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
    expect(['128.0.0.1', '127.0.0', 'localhost.', 'my-localhost', '[::]', '::1'].some(isLoopbackHost)).toBe(false);
  });

  it('holds back a Custom URL until that origin is confirmed', () => {
    const custom = { ...DEFAULT_SETTINGS, endpoint: 'custom' as const };
    expect(unconfirmedPlainHttp(custom, 'http://192.0.2.1:9/v2')).toBe('http://192.0.2.1:9');
    expect(
      unconfirmedPlainHttp({ ...custom, plainHttpConfirmedFor: 'http://192.0.2.1:9' }, 'http://192.0.2.1:9/v2'),
    ).toBeNull();
    // A confirmation is for one origin only.
    expect(
      unconfirmedPlainHttp({ ...custom, plainHttpConfirmedFor: 'http://192.0.2.1:9' }, 'http://192.0.2.1:80'),
    ).toBe('http://192.0.2.1');
    expect(unconfirmedPlainHttp(custom, 'http://127.0.0.1:8787')).toBeNull();
    expect(unconfirmedPlainHttp(custom, 'https://192.0.2.1')).toBeNull();
    expect(unconfirmedPlainHttp({ ...DEFAULT_SETTINGS, endpoint: 'dev-proxy' }, 'http://192.0.2.1/nhn-ocr')).toBeNull();
  });
});
