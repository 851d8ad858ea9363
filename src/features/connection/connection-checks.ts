import { OcrError, type OcrService } from '@/api';

/**
 * What Check connection runs, as plain TypeScript (no React): each check is a line with ✓, ✗ or skipped,
 * and the reason names a message (messages.ts) that says what to do. The public keys come through the
 * app's own client (which keeps them for the next analysis); two raw requests carry no secret: an OPTIONS
 * to read the headers an answer exposes (Request-Key, Date) without a billed call, and, only when the key
 * fetch fails on the network, a no-cors GET that tells "the server answered but the page may not read it"
 * (CORS) from "nothing answered" (DNS, nothing listening, offline).
 */
export type CheckId = 'reachable' | 'cors' | 'csp' | 'credentials' | 'publicKeys' | 'requestKey' | 'clock';
export type CheckStatus = 'pass' | 'fail' | 'skipped';
export const CHECK_IDS: readonly CheckId[] = [
  'reachable',
  'cors',
  'csp',
  'credentials',
  'publicKeys',
  'requestKey',
  'clock',
];

export type CheckReason =
  | 'reachableOk'
  | 'reachableOpaque'
  | 'unreachable'
  | 'offline'
  | 'corsOk'
  | 'sameOrigin'
  | 'corsBlocked'
  | 'cspOk'
  | 'cspBlocked'
  | 'credentialsOk'
  | 'credentialsRefused'
  | 'keysOk'
  | 'keysBad'
  | 'requestKeyExposed'
  | 'requestKeyHidden'
  | 'requestKeyUnseen'
  | 'clockOk'
  | 'clockSkewed'
  | 'clockUnseen'
  | 'skippedInPage'
  | 'skippedUnreached'
  | 'skippedCsp'
  | 'skippedCors'
  | 'skippedNoApiAnswer';

export interface CheckLine {
  id: CheckId;
  status: CheckStatus;
  reason: CheckReason;
  params?: Record<string, string>;
}

export interface KeyFacts {
  version: string;
  modulusBits: number;
  fingerprint: string;
  latencyMs: number;
}

export interface ConnectionCheckInput {
  /** The API base, e.g. https://api-ocr.nhncloudservice.com or this site's /nhn-ocr. */
  baseUrl: string;
  apiVersion: 'v2.0' | 'v2.1';
  appKey: string;
  pageOrigin: string;
  /** The built-in sandbox answers in the page: there is no network to check. */
  inPage: boolean;
  services: readonly OcrService[];
  /** Through the app's client, so the keys serve the next analysis too. Rejects with an OcrError. */
  getKey(service: OcrService): Promise<KeyFacts>;
  /** For the two probes; never given a secret. */
  fetch: typeof fetch;
  /** Whether a securitypolicyviolation named this URL's origin since the check began. */
  cspBlocked(url: string): boolean;
  online: boolean;
  /** Epoch milliseconds. */
  now(): number;
  /** Lets violation events queued by a refused fetch arrive before cspBlocked is asked. */
  settle?(): Promise<void>;
}

export interface ConnectionReport {
  lines: CheckLine[];
  keys: Partial<Record<OcrService, KeyFacts>>;
  keyErrors: Partial<Record<OcrService, unknown>>;
}

/**
 * Beyond this, a Request-Key's hour looks wrong on one side (it is valid for 1 hour after it is issued:
 * https://docs.nhncloud.com/en/AI%20Service/OCR/en/document-ocr-api-guide-v2.0/).
 */
export const MAX_CLOCK_SKEW_MS = 2 * 60_000;
const CREDENTIAL_CODES = new Set([4010001, 4010002, 4010003, 4010004, 4010005, 4010006, 4010007]);

const isNetwork = (error: unknown) =>
  error instanceof OcrError && (error.kind === 'network' || error.kind === 'timeout');

function originOf(url: string, fallback: string): string {
  try {
    return new URL(url, fallback).origin;
  } catch {
    return url;
  }
}

export async function runConnectionChecks(input: ConnectionCheckInput): Promise<ConnectionReport> {
  const settled = await Promise.allSettled(input.services.map((service) => input.getKey(service)));
  const keys: ConnectionReport['keys'] = {};
  const keyErrors: ConnectionReport['keyErrors'] = {};
  settled.forEach((outcome, i) => {
    if (outcome.status === 'fulfilled') keys[input.services[i]] = outcome.value;
    else keyErrors[input.services[i]] = outcome.reason;
  });
  const errors = Object.values(keyErrors);
  const answered = errors.length < settled.length || errors.some((e) => !isNetwork(e));
  const lines = new Map<CheckId, CheckLine>();
  const set = (id: CheckId, status: CheckStatus, reason: CheckReason, params?: Record<string, string>) =>
    lines.set(id, { id, status, reason, ...(params ? { params } : {}) });

  const probeUrl = `${input.baseUrl.replace(/\/+$/, '')}/${input.apiVersion}/appkeys/${encodeURIComponent(input.appKey)}/public-keys/${input.services[0]}`;
  const target = originOf(probeUrl, input.pageOrigin);
  const host = (() => {
    try {
      return new URL(probeUrl, input.pageOrigin).host;
    } catch {
      return probeUrl;
    }
  })();
  const sameOrigin = target === input.pageOrigin;
  let reached = answered;
  const corsOk = answered;

  if (input.inPage) {
    for (const id of ['reachable', 'cors', 'csp'] as const) set(id, 'skipped', 'skippedInPage');
  } else if (answered) {
    set('reachable', 'pass', 'reachableOk', { host });
    set('cors', 'pass', sameOrigin ? 'sameOrigin' : 'corsOk', { origin: target });
    set('csp', 'pass', 'cspOk', { origin: target });
  } else {
    await input.settle?.();
    if (input.cspBlocked(probeUrl)) {
      set('reachable', 'skipped', 'skippedCsp');
      set('cors', 'skipped', 'skippedCsp');
      set('csp', 'fail', 'cspBlocked', { origin: target });
    } else {
      set('csp', 'pass', 'cspOk', { origin: target });
      // An opaque answer: something at that address answered, but the page may not read it.
      reached = await input
        .fetch(probeUrl, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
        .then(() => true)
        .catch(() => false);
      if (reached && !sameOrigin) {
        set('reachable', 'pass', 'reachableOpaque', { host });
        set('cors', 'fail', 'corsBlocked', { origin: target, page: input.pageOrigin });
      } else {
        set('reachable', 'fail', input.online ? 'unreachable' : 'offline', { host });
        set('cors', 'skipped', 'skippedUnreached');
      }
    }
  }

  // Credentials and keys, from the key fetches themselves.
  const refused = errors.find(
    (e) => e instanceof OcrError && e.resultCode !== undefined && CREDENTIAL_CODES.has(e.resultCode),
  );
  const firstError = errors[0];
  if (!answered) {
    set(
      'credentials',
      'skipped',
      lines.get('csp')?.status === 'fail' ? 'skippedCsp' : corsOk || !reached ? 'skippedUnreached' : 'skippedCors',
    );
    set('publicKeys', 'skipped', lines.get('credentials')!.reason);
  } else if (refused instanceof OcrError) {
    set('credentials', 'fail', 'credentialsRefused', { code: String(refused.resultCode) });
    set('publicKeys', 'skipped', 'skippedNoApiAnswer');
  } else {
    // A key refused as unusable came in a successful answer: the credentials were taken.
    const apiAnswered =
      Object.keys(keys).length > 0 ||
      errors.some((e) => e instanceof OcrError && (e.kind === 'api' || e.kind === 'unusable-public-key'));
    set('credentials', apiAnswered ? 'pass' : 'skipped', apiAnswered ? 'credentialsOk' : 'skippedNoApiAnswer');
    if (errors.length === 0) {
      set('publicKeys', 'pass', 'keysOk', {
        versions: input.services.map((s) => `${s} ${keys[s]!.version}`).join(' · '),
      });
    } else {
      set('publicKeys', 'fail', 'keysBad', {
        detail: firstError instanceof Error ? firstError.message : String(firstError),
      });
    }
  }

  // Request-Key and the clock, from the headers of an OPTIONS answer (no secret, nothing billed).
  if (input.inPage) {
    set('requestKey', 'skipped', 'skippedInPage');
    set('clock', 'skipped', 'skippedInPage');
  } else if (!answered) {
    const why = lines.get('credentials')!.reason;
    set('requestKey', 'skipped', why);
    set('clock', 'skipped', why);
  } else {
    const sent = input.now();
    const probe = await input
      .fetch(probeUrl, { method: 'OPTIONS', credentials: 'omit', cache: 'no-store' })
      .catch(() => null);
    const received = input.now();
    const exposed = probe?.headers.get('Access-Control-Expose-Headers');
    if (sameOrigin) set('requestKey', 'pass', 'sameOrigin', { origin: target });
    else if (exposed == null) set('requestKey', 'skipped', 'requestKeyUnseen', { origin: target });
    else {
      const names = exposed.split(',').map((name) => name.trim().toLowerCase());
      if (names.includes('request-key') || names.includes('*')) set('requestKey', 'pass', 'requestKeyExposed');
      else set('requestKey', 'fail', 'requestKeyHidden', { exposed: exposed || '—' });
    }
    const date = Date.parse(probe?.headers.get('Date') ?? '');
    if (Number.isNaN(date)) set('clock', 'skipped', 'clockUnseen');
    else {
      // The header has whole seconds; compare with the middle of the round trip.
      const skew = date - (sent + received) / 2;
      const params = {
        seconds: String(Math.round(Math.abs(skew) / 1000)),
        minutes: String(Math.round(Math.abs(skew) / 60_000)),
        direction: skew > 0 ? 'ahead' : 'behind',
      };
      set(
        'clock',
        Math.abs(skew) > MAX_CLOCK_SKEW_MS ? 'fail' : 'pass',
        Math.abs(skew) > MAX_CLOCK_SKEW_MS ? 'clockSkewed' : 'clockOk',
        params,
      );
    }
  }

  return { lines: CHECK_IDS.map((id) => lines.get(id)!), keys, keyErrors };
}

/**
 * What the box under the lines says. It follows from the first line that failed, since every later line
 * depends on it: when nothing answered, CORS is not the problem and the Dev proxy cannot help.
 */
export interface CheckSummary {
  /** The first line that failed, in the order they are shown; null when none did. */
  first: CheckLine | null;
  /** Why the box offers the Dev proxy (on the page's own origin, so neither CORS nor the CSP stands in the way). */
  devProxyFixes: 'cors' | 'csp' | null;
  /** A key fetch's error, to be described when the Dev proxy is not the fix. */
  error?: unknown;
}

export function summariseChecks(report: ConnectionReport): CheckSummary {
  const first = report.lines.find((line) => line.status === 'fail') ?? null;
  const devProxyFixes = first?.id === 'cors' || first?.id === 'csp' ? first.id : null;
  const error = Object.values(report.keyErrors)[0];
  return { first, devProxyFixes, ...(first && !devProxyFixes && error !== undefined ? { error } : {}) };
}

/** The lines of deploy/nginx.conf that put the API on the page's own origin: the upstream and the proxy path. */
export function proxySnippet(conf: string): string {
  const lines = conf.split('\n');
  const upstream = lines.find((line) => /^\s*set \$cardlens_upstream /.test(line));
  const start = lines.findIndex((line) => /^\s*location (?:\^~ )?\/nhn-ocr\/ \{/.test(line));
  if (!upstream || start < 0) return '';
  const indent = /^\s*/.exec(lines[start])![0];
  const end = lines.findIndex((line, i) => i > start && line === `${indent}}`);
  const block = lines.slice(start, end + 1).filter((line) => !/^\s*#/.test(line));
  return [upstream, ...block].map((line) => line.slice(indent.length)).join('\n');
}
