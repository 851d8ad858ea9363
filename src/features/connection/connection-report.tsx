import type { OcrService } from '@/api';
import { describeError } from '@/model/text/describe-error';
import { useI18n } from '@/ui/i18n';
import { SERVICE_NAME } from '@/model/text/service-names';
import type { MessageKey } from '@/model/text/messages';
import NGINX_CONF from '../../../deploy/nginx.conf?raw';
import {
  proxySnippet,
  type CheckId,
  type CheckReason,
  type CheckStatus,
  type ConnectionReport,
} from './connection-checks';

const SERVICES: OcrService[] = ['credit-card', 'id-card'];
export const CHECK_LABEL: Record<CheckId, MessageKey> = {
  reachable: 'checkLineReachable',
  cors: 'checkLineCors',
  csp: 'checkLineCsp',
  credentials: 'checkLineCredentials',
  publicKeys: 'checkLinePublicKeys',
  requestKey: 'checkLineRequestKey',
  clock: 'checkLineClock',
};
const STATUS_LABEL: Record<CheckStatus, MessageKey> = { pass: 'checkPass', fail: 'checkFail', skipped: 'checkSkipped' };
const reasonKey = (reason: CheckReason) => `checkReason${reason[0].toUpperCase()}${reason.slice(1)}` as MessageKey;
const PROXY_SNIPPET = proxySnippet(NGINX_CONF);

/** Check connection's answer: a line per check with its fix, and each service's public key. */
export function ConnectionReportView({ report }: { report: ConnectionReport }) {
  const { t, pick } = useI18n();
  return (
    <>
      <ul className="connection-checks" aria-label={t('checkResults')} aria-live="polite">
        {report.lines.map((line) => (
          <li key={line.id} className={`check-${line.status}`}>
            <span className="check-status">{t(STATUS_LABEL[line.status])}</span>{' '}
            <strong>{t(CHECK_LABEL[line.id])}</strong>{' '}
            <span>
              {t(reasonKey(line.reason), {
                ...line.params,
                ...(line.params?.direction
                  ? {
                      direction: t(line.params.direction === 'ahead' ? 'checkDirectionAhead' : 'checkDirectionBehind'),
                    }
                  : {}),
                ...(line.params?.versions
                  ? {
                      versions: SERVICES.filter((service) => report.keys[service])
                        .map((service) => `${t(SERVICE_NAME[service])} ${report.keys[service]!.version}`)
                        .join(' · '),
                    }
                  : {}),
              })}
            </span>
            {line.id === 'cors' && line.status === 'fail' && PROXY_SNIPPET && (
              <pre className="check-fix">
                <code>{PROXY_SNIPPET}</code>
              </pre>
            )}
          </li>
        ))}
      </ul>
      <ul className="key-checks" aria-label={t('checkKeysByService')}>
        {SERVICES.map((service) => {
          const key = report.keys[service];
          const error = report.keyErrors[service];
          return (
            <li key={service}>
              <strong>{t(SERVICE_NAME[service])}</strong>{' '}
              {key && (
                <dl className="key-facts">
                  <dt>{t('keyVersion')}</dt>
                  <dd>{key.version}</dd>
                  <dt>{t('modulus')}</dt>
                  <dd>{key.modulusBits} bit</dd>
                  <dt>{t('fingerprint')}</dt>
                  <dd>
                    <code>{key.fingerprint}</code>
                  </dd>
                  <dt>{t('latency')}</dt>
                  <dd>{Math.round(key.latencyMs)} ms</dd>
                </dl>
              )}
              {error !== undefined && <p className="field-error">{pick(describeError(error).title)}</p>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
