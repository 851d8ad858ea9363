import type { AnalysisOutcome } from '@/api';
import { ID_TYPE_NAMES } from '@/features/fields';
import { useI18n, type MessageKey } from '@/features/shared';

/** The result's plain facts: ID type, file type, resolution and (outside presentations) the key version. */
export function ResultDetails({ outcome, presentation }: { outcome: AnalysisOutcome; presentation: boolean }) {
  const { t, pick } = useI18n();
  const { fileType, resolution } = outcome.result;
  const idType = outcome.kind === 'credit-card' ? null : outcome.result.idType;
  return (
    <dl className="result-details">
      {idType && (
        <>
          <dt>{t('idType')}</dt>
          <dd>{pick(ID_TYPE_NAMES[idType] ?? { en: idType, ko: idType })}</dd>
        </>
      )}
      <dt>{t('fileType')}</dt>
      <dd>{fileType}</dd>
      <dt>{t('resolution')}</dt>
      <dd>
        {resolution === 'low'
          ? `⚠ ${t('resolutionLow')}`
          : resolution === 'normal'
            ? t('resolutionNormal')
            : resolution}
      </dd>
      {!presentation && (
        <>
          <dt>{t('keyVersionUsed')}</dt>
          <dd>{outcome.keyVersion}</dd>
        </>
      )}
    </dl>
  );
}

export function TimingTable({ outcome }: { outcome: AnalysisOutcome }) {
  const { t } = useI18n();
  const rows: [MessageKey, number][] = [
    ['timingPrepare', outcome.timings.prepareMs],
    ['timingEncrypt', outcome.timings.encryptMs],
    ['timingRequest', outcome.timings.requestMs],
    ['timingDecrypt', outcome.timings.decryptMs],
    ['timingTotal', outcome.timings.totalMs],
  ];
  return (
    <table className="timings" aria-label={t('timings')}>
      <tbody>
        {rows.map(([label, ms]) => (
          <tr key={label}>
            <th scope="row">{t(label)}</th>
            <td>{ms.toFixed(1)} ms</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
