import { fieldName } from '@/model/fields/field-names';
import { useI18n } from '@/ui/i18n';
import type { SecondReadReport } from '@/model/review/second-read-report';
import { percent } from '@/model/review/percent';

/** The report's part on the device's second read: agreement per field, and what it told of wrong values. */
export function SecondReadSection({ report }: { report: SecondReadReport }) {
  const { t, lang } = useI18n();
  if (report.cards === 0) return null;
  const { verdicts } = report;
  return (
    <section aria-label={t('reportSecondRead')}>
      <h3>{t('reportSecondRead')}</h3>
      <table className="field-table" aria-label={t('reportAgreement')}>
        <thead>
          <tr>
            <th scope="col">{t('fields')}</th>
            <th scope="col">{t('reportCompared')}</th>
            <th scope="col">{t('reportAgreed')}</th>
            <th scope="col">{t('reportAgreement')}</th>
          </tr>
        </thead>
        <tbody>
          {report.byField.map((f) => (
            <tr key={f.key}>
              <th scope="row">{fieldName(f.key, lang)}</th>
              <td>{f.compared}</td>
              <td>{f.agreed}</td>
              <td>{percent(f.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="second-read-verdicts">
        {verdicts.markedWrong === 0
          ? t('reportNoWrongCompared')
          : t('reportWrongFlagged', { flagged: verdicts.markedWrongFlagged, wrong: verdicts.markedWrong })}{' '}
        {verdicts.flaggedReviewed > 0 &&
          t('reportFlaggedWrong', { wrong: verdicts.flaggedMarkedWrong, flagged: verdicts.flaggedReviewed })}
      </p>
    </section>
  );
}
