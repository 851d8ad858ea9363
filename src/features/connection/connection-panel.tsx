import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { isSecureContextNow, missingCredential, publicKeyCheckOptions, type OcrService } from '@/api';
import { ErrorNotice } from '@/ui/error-notice';
import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import { useConnection } from '@/ui/connection';
import { runConnectionChecks, summariseChecks, type ConnectionReport } from './connection-checks';
import { CHECK_LABEL, ConnectionReportView } from './connection-report';
import {
  authOf,
  customUrlProblem,
  ENDPOINT_KINDS,
  plainHttpOrigin,
  type EndpointKind,
} from '@/model/connection-settings';

const ENDPOINT_LABEL: Record<EndpointKind, MessageKey> = {
  sandbox: 'endpointSandbox',
  nhn: 'endpointNhn',
  'nhn-legacy': 'endpointNhnLegacy',
  'dev-proxy': 'endpointDevProxy',
  custom: 'endpointCustom',
};
const SERVICES: OcrService[] = ['credit-card', 'id-card'];
export function ConnectionPanel() {
  const { t } = useI18n();
  const { settings, update, forget, client, identity, setCheckFailed } = useConnection();
  const queryClient = useQueryClient();
  const [checked, setChecked] = useState<{ for: unknown; report: ConnectionReport } | null>(null);
  const [checking, setChecking] = useState(false);
  const ids = {
    endpoint: useId(),
    url: useId(),
    plainHttp: useId(),
    appKey: useId(),
    secret: useId(),
    remember: useId(),
  };
  // Opened from the header while the column beside it may be scrolled away: bring it into view.
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest' });
  }, []);

  // A report is about one connection: change it and the report goes.
  const report = checked?.for === identity ? checked.report : null;
  const urlProblem = settings.endpoint === 'custom' && settings.customUrl ? customUrlProblem(settings.customUrl) : null;
  // http:// to another computer carries the secret in clear: the connection sends nothing there until this
  // origin is confirmed (connection-context.tsx holds the client back).
  const plainHttp = settings.endpoint === 'custom' ? plainHttpOrigin(settings.customUrl) : null;
  const plainHttpHeldBack = plainHttp !== null && settings.plainHttpConfirmedFor !== plainHttp;
  // A page that is not a secure context sends nothing at all (the client refuses every call): say why here.
  const insecure = !isSecureContextNow();
  // Blank credentials would send a request the service can only refuse: say which is missing instead.
  const missing = missingCredential(settings.appKey, authOf(settings));
  const blank = { appKey: missing === 'app key', secret: missing !== null && missing !== 'app key' };
  const summary = report ? summariseChecks(report) : null;

  async function runCheck() {
    setChecking(true);
    // A refused fetch leaves only a securitypolicyviolation event behind: collect what it named.
    const blocked: string[] = [];
    const onViolation = (event: SecurityPolicyViolationEvent) => blocked.push(event.blockedURI);
    document.addEventListener('securitypolicyviolation', onViolation);
    try {
      const next = await runConnectionChecks({
        baseUrl: identity.baseUrl,
        apiVersion: client.apiVersion,
        appKey: settings.appKey,
        pageOrigin: location.origin,
        inPage: settings.endpoint === 'sandbox',
        services: SERVICES,
        getKey: (service) =>
          queryClient.fetchQuery({ ...publicKeyCheckOptions(client, identity, service), staleTime: 0 }),
        fetch: (input, init) => globalThis.fetch(input, init),
        cspBlocked: (url) => {
          const origin = new URL(url, location.href).origin;
          return blocked.some((uri) => uri === url || uri.startsWith(origin));
        },
        online: navigator.onLine,
        now: () => Date.now(),
        settle: () => new Promise((resolve) => setTimeout(resolve, 50)),
      });
      setChecked({ for: identity, report: next });
      setCheckFailed(
        identity,
        next.lines.some((line) => line.status === 'fail'),
      );
    } finally {
      document.removeEventListener('securitypolicyviolation', onViolation);
      setChecking(false);
    }
  }

  return (
    <section ref={section} className="panel connection-panel" aria-labelledby={`${ids.endpoint}-title`}>
      <h2 id={`${ids.endpoint}-title`}>{t('connection')}</h2>
      {insecure && (
        <div className="notice notice-error">
          <p id={`${ids.endpoint}-insecure`}>{t('insecureContextWarning', { host: location.host })}</p>
        </div>
      )}
      <label htmlFor={ids.endpoint}>{t('endpoint')}</label>
      <select
        id={ids.endpoint}
        value={settings.endpoint}
        onChange={(e) => update({ endpoint: e.target.value as EndpointKind })}
      >
        {ENDPOINT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(ENDPOINT_LABEL[kind])}
          </option>
        ))}
      </select>
      {settings.endpoint === 'sandbox' && <p className="hint">{t('sandboxNote')}</p>}
      {settings.endpoint === 'dev-proxy' && <p className="hint">{t('devProxyNote', { path: __DEV_PROXY_PATH__ })}</p>}
      {settings.endpoint === 'custom' && (
        <>
          <label htmlFor={ids.url}>{t('baseUrl')}</label>
          <input
            id={ids.url}
            type="url"
            inputMode="url"
            placeholder="https://…"
            value={settings.customUrl}
            aria-invalid={urlProblem ? true : undefined}
            aria-describedby={plainHttp ? `${ids.plainHttp}-warning` : undefined}
            onChange={(e) => update({ customUrl: e.target.value })}
          />
          {urlProblem && <p className="field-error">{urlProblem}</p>}
          {plainHttp && (
            <div className="notice notice-error">
              <p id={`${ids.plainHttp}-warning`}>{t('plainHttpWarning', { host: new URL(plainHttp).host })}</p>
              <label className="inline" htmlFor={ids.plainHttp}>
                <input
                  id={ids.plainHttp}
                  type="checkbox"
                  checked={!plainHttpHeldBack}
                  onChange={(e) => update({ plainHttpConfirmedFor: e.target.checked ? plainHttp : '' })}
                />
                {t('plainHttpConfirm')}
              </label>
            </div>
          )}
        </>
      )}

      <fieldset>
        <legend>{t('authentication')}</legend>
        <label className="inline">
          <input
            type="radio"
            name="auth-kind"
            checked={settings.authKind === 'secret-key'}
            onChange={() => update({ authKind: 'secret-key' })}
          />
          {t('authSecretKey')}
        </label>
        <label className="inline">
          <input
            type="radio"
            name="auth-kind"
            checked={settings.authKind === 'access-token'}
            onChange={() => update({ authKind: 'access-token' })}
          />
          {t('authAccessToken')}
        </label>
      </fieldset>

      <label htmlFor={ids.appKey}>{t('appKey')}</label>
      <input
        id={ids.appKey}
        autoComplete="off"
        spellCheck={false}
        value={settings.appKey}
        aria-invalid={blank.appKey || undefined}
        aria-describedby={blank.appKey ? `${ids.appKey}-missing` : undefined}
        onChange={(e) => update({ appKey: e.target.value })}
      />
      {blank.appKey && (
        <p id={`${ids.appKey}-missing`} className="field-error">
          {t('credentialRequired')}
        </p>
      )}
      <label htmlFor={ids.secret}>{settings.authKind === 'secret-key' ? t('secretKey') : t('accessToken')}</label>
      <input
        id={ids.secret}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={settings.authKind === 'secret-key' ? settings.secretKey : settings.accessToken}
        aria-invalid={blank.secret || undefined}
        aria-describedby={blank.secret ? `${ids.secret}-missing` : undefined}
        onChange={(e) =>
          update(settings.authKind === 'secret-key' ? { secretKey: e.target.value } : { accessToken: e.target.value })
        }
      />
      {blank.secret && (
        <p id={`${ids.secret}-missing`} className="field-error">
          {t('credentialRequired')}
        </p>
      )}
      <label className="inline" htmlFor={ids.remember}>
        <input
          id={ids.remember}
          type="checkbox"
          checked={settings.remember}
          onChange={(e) => update({ remember: e.target.checked })}
        />
        {t('rememberForTab')}
      </label>
      <p className="hint">{t('rememberHint')}</p>
      <div className="row">
        <button
          type="button"
          onClick={() => void runCheck()}
          disabled={checking || Boolean(urlProblem) || Boolean(missing) || plainHttpHeldBack || insecure}
          aria-describedby={insecure ? `${ids.endpoint}-insecure` : undefined}
        >
          {checking ? t('checking') : t('checkConnection')}
        </button>
        <button type="button" onClick={forget}>
          {t('forget')}
        </button>
      </div>

      {report && <ConnectionReportView report={report} />}
      {summary?.first && (
        <div className="check-summary">
          <p>{t('checkFirstFailed', { line: t(CHECK_LABEL[summary.first.id]) })}</p>
          {summary.devProxyFixes && settings.endpoint !== 'dev-proxy' && (
            <div className="notice">
              <p>{t(summary.devProxyFixes === 'cors' ? 'corsExplain' : 'cspExplain')}</p>
              <button type="button" onClick={() => update({ endpoint: 'dev-proxy' })}>
                {t('useDevProxy')}
              </button>
            </div>
          )}
          {summary.error !== undefined && <ErrorNotice error={summary.error} />}
        </div>
      )}
    </section>
  );
}
