import { useQueries } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { missingCredential, OcrError, publicKeyCheckOptions, type OcrService } from '@/api';
import { describeError, ErrorNotice, useI18n, SERVICE_NAME, type MessageKey } from '@/features/shared';
import { useConnection } from './connection-context';
import { authOf, customUrlProblem, ENDPOINT_KINDS, plainHttpOrigin, type EndpointKind } from './connection-settings';

const ENDPOINT_LABEL: Record<EndpointKind, MessageKey> = {
  sandbox: 'endpointSandbox',
  nhn: 'endpointNhn',
  'nhn-legacy': 'endpointNhnLegacy',
  'dev-proxy': 'endpointDevProxy',
  custom: 'endpointCustom',
};
const SERVICES: OcrService[] = ['credit-card', 'id-card'];

export function ConnectionPanel() {
  const { t, pick } = useI18n();
  const { settings, update, forget, client, identity } = useConnection();
  const [checkRequested, setCheckRequested] = useState(0);
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

  const checks = useQueries({
    queries: SERVICES.map((service) => ({
      ...publicKeyCheckOptions(client, identity, service),
      enabled: checkRequested > 0,
    })),
  });
  const checking = checks.some((q) => q.isFetching);
  const urlProblem = settings.endpoint === 'custom' && settings.customUrl ? customUrlProblem(settings.customUrl) : null;
  // http:// to another computer carries the secret in clear: the connection sends nothing there until this
  // origin is confirmed (connection-context.tsx holds the client back).
  const plainHttp = settings.endpoint === 'custom' ? plainHttpOrigin(settings.customUrl) : null;
  const plainHttpHeldBack = plainHttp !== null && settings.plainHttpConfirmedFor !== plainHttp;
  // Blank credentials would send a request the service can only refuse: say which is missing instead.
  const missing = missingCredential(settings.appKey, authOf(settings));
  const blank = { appKey: missing === 'app key', secret: missing !== null && missing !== 'app key' };
  const networkFailure =
    checks.some((q) => q.error instanceof OcrError && q.error.kind === 'network') && settings.endpoint !== 'sandbox';

  function runCheck() {
    setCheckRequested((n) => n + 1);
    if (checkRequested > 0) void Promise.all(checks.map((q) => q.refetch()));
  }

  return (
    <section ref={section} className="panel connection-panel" aria-labelledby={`${ids.endpoint}-title`}>
      <h2 id={`${ids.endpoint}-title`}>{t('connection')}</h2>
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
          onClick={runCheck}
          disabled={checking || Boolean(urlProblem) || Boolean(missing) || plainHttpHeldBack}
        >
          {checking ? t('checking') : t('checkConnection')}
        </button>
        <button type="button" onClick={forget}>
          {t('forget')}
        </button>
      </div>

      {checkRequested > 0 && (
        <ul className="key-checks" aria-live="polite">
          {checks.map((q, i) => (
            <li key={SERVICES[i]} aria-label={t(SERVICE_NAME[SERVICES[i]])}>
              <strong>{t(SERVICE_NAME[SERVICES[i]])}</strong> {q.isFetching && <span>{t('checking')}</span>}
              {q.data && !q.isFetching && (
                <dl className="key-facts">
                  <dt>{t('keyVersion')}</dt>
                  <dd>{q.data.version}</dd>
                  <dt>{t('modulus')}</dt>
                  <dd>{q.data.modulusBits} bit</dd>
                  <dt>{t('fingerprint')}</dt>
                  <dd>
                    <code>{q.data.fingerprint}</code>
                  </dd>
                  <dt>{t('latency')}</dt>
                  <dd>{Math.round(q.data.latencyMs)} ms</dd>
                </dl>
              )}
              {q.error && !q.isFetching && <span className="field-error">{pick(describeError(q.error).title)}</span>}
            </li>
          ))}
        </ul>
      )}
      {networkFailure && (
        <div className="notice">
          <p>{t('corsExplain')}</p>
          <button type="button" onClick={() => update({ endpoint: 'dev-proxy' })}>
            {t('useDevProxy')}
          </button>
        </div>
      )}
      {checks.some((q) => q.error) && !networkFailure && <ErrorNotice error={checks.find((q) => q.error)?.error} />}
    </section>
  );
}
