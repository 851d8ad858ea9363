import type { AnalysisOutcome } from '@/api';
import type { CardView } from '@/model/card-view/card-view';
import { FIELD_NAMES, ID_TYPE_NAMES } from '@/model/fields/field-names';
import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import type { PhotoQuality } from '@/model/second-read/photo-quality';
import { useQualityText } from '@/ui/quality-note';

/**
 * The result's plain facts: ID type, file type, resolution, the photo's quality as predicted before sending
 * (when that check ran) and, outside presentations, the key version.
 */
export function ResultDetails(props: { outcome: AnalysisOutcome; presentation: boolean; quality?: PhotoQuality }) {
  const { outcome, presentation, quality } = props;
  const { t, pick } = useI18n();
  const qualityText = useQualityText();
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
      {quality && (
        <>
          <dt>{t('qualityPredicted')}</dt>
          <dd data-testid="quality-predicted">{qualityText.short(quality)}</dd>
        </>
      )}
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

/** Says a result was read by the app's own engine, not by NHN, and which fields it did not make out; shown only for such a result. */
export function DeviceReadNote({ card }: { card: CardView }) {
  const { t, pick } = useI18n();
  const unread = card.missing;
  return (
    <div className="notice device-read" role="note">
      <p className="notice-title">{t('readOnDevice')}</p>
      {unread.length > 0 && (
        <p>
          {t('notReadOnDevice', {
            fields: unread.map((key) => pick(FIELD_NAMES[key] ?? { en: key, ko: key })).join(', '),
          })}
        </p>
      )}
    </div>
  );
}
