import type { Auth } from '@/api';

export type EndpointKind = 'sandbox' | 'nhn' | 'nhn-legacy' | 'dev-proxy' | 'custom';
export const ENDPOINT_KINDS: readonly EndpointKind[] = ['sandbox', 'nhn', 'nhn-legacy', 'dev-proxy', 'custom'];

export const NHN_BASE_URL = 'https://api-ocr.nhncloudservice.com';
export const NHN_LEGACY_BASE_URL = 'https://ocr.api.nhncloudservice.com';
/** Never resolved: the in-browser sandbox answers every request to it. */
export const SANDBOX_BASE_URL = 'https://sandbox.cardlens.invalid';
export const SANDBOX_CREDENTIAL = 'sandbox';

export interface ConnectionSettings {
  endpoint: EndpointKind;
  customUrl: string;
  authKind: Auth['kind'];
  appKey: string;
  secretKey: string;
  accessToken: string;
  remember: boolean;
  /** The plain-HTTP origin the user agreed to send the secret to in clear (plainHttpOrigin); '' for none. */
  plainHttpConfirmedFor: string;
}

export const DEFAULT_SETTINGS: ConnectionSettings = {
  endpoint: 'sandbox',
  customUrl: '',
  authKind: 'secret-key',
  appKey: SANDBOX_CREDENTIAL,
  secretKey: SANDBOX_CREDENTIAL,
  accessToken: SANDBOX_CREDENTIAL,
  remember: false,
  plainHttpConfirmedFor: '',
};

export function baseUrlOf(settings: ConnectionSettings, origin = location.origin): string {
  switch (settings.endpoint) {
    case 'sandbox':
      return SANDBOX_BASE_URL;
    case 'nhn':
      return NHN_BASE_URL;
    case 'nhn-legacy':
      return NHN_LEGACY_BASE_URL;
    case 'dev-proxy':
      return origin + __DEV_PROXY_PATH__;
    case 'custom':
      return settings.customUrl.trim();
  }
}

export function authOf(settings: ConnectionSettings): Auth {
  return settings.authKind === 'secret-key'
    ? { kind: 'secret-key', secretKey: settings.secretKey }
    : { kind: 'access-token', token: settings.accessToken };
}

/** Moving to or from the sandbox swaps its public credentials in or out; real ones are never overwritten. */
export function withEndpoint(settings: ConnectionSettings, endpoint: EndpointKind): ConnectionSettings {
  if (endpoint === 'sandbox') {
    return {
      ...settings,
      endpoint,
      appKey: SANDBOX_CREDENTIAL,
      secretKey: SANDBOX_CREDENTIAL,
      accessToken: SANDBOX_CREDENTIAL,
    };
  }
  const clear = (value: string) => (settings.endpoint === 'sandbox' && value === SANDBOX_CREDENTIAL ? '' : value);
  return {
    ...settings,
    endpoint,
    appKey: clear(settings.appKey),
    secretKey: clear(settings.secretKey),
    accessToken: clear(settings.accessToken),
  };
}

export function customUrlProblem(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? null : 'http(s) only';
  } catch {
    return 'not a URL';
  }
}

/** Hosts that are this computer: 127.0.0.0/8, localhost and [::1], as `URL` spells them (it normalises 127.1 and the like). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The origin a base URL would send the secret to in clear: plain http:// to another computer. Else null. */
export function plainHttpOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname) ? parsed.origin : null;
  } catch {
    return null;
  }
}

/**
 * The plain-HTTP origin a Custom URL would send the secret to without the user having agreed to it, or null.
 * Until then, nothing may be sent there.
 */
export function unconfirmedPlainHttp(
  settings: Pick<ConnectionSettings, 'endpoint' | 'plainHttpConfirmedFor'>,
  baseUrl: string,
): string | null {
  if (settings.endpoint !== 'custom') return null;
  const origin = plainHttpOrigin(baseUrl);
  return origin !== null && origin !== settings.plainHttpConfirmedFor ? origin : null;
}

// Secrets live in memory. Only with "Remember for this tab" do settings go to sessionStorage,
// which the browser clears when the tab closes; localStorage never holds them.
const SESSION_KEY = 'cardlens.connection';

export function loadRememberedSettings(): ConnectionSettings | null {
  try {
    const text = sessionStorage.getItem(SESSION_KEY);
    if (!text) return null;
    const saved = JSON.parse(text) as Partial<ConnectionSettings>;
    return { ...DEFAULT_SETTINGS, ...saved, remember: true };
  } catch {
    return null;
  }
}

export function persistSettings(settings: ConnectionSettings): void {
  try {
    if (settings.remember) sessionStorage.setItem(SESSION_KEY, JSON.stringify(settings));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // storage unavailable: settings simply stay in memory
  }
}
