import { useId, useMemo, useRef } from 'react';
import { fieldName } from '@/model/fields/field-names';
import { useI18n } from '@/ui/i18n';
import { download } from '@/ui/download';
import { visibleJson } from '@/lib/hidden-characters';
import { ReliabilityChart, WhatIfChart } from './report-charts';
import { secondReadsByHash } from '@/engine/cardlens';
import { useCardlensState } from '@/ui/cardlens';
import {
  accuracyByField,
  reliability,
  reviewerThroughput,
  thresholdWhatIf,
  type ReviewedField,
} from '@/model/review/review-model';
import { secondReadReport } from '@/model/review/second-read-report';
import { SecondReadSection } from './second-read-section';
import { percent } from '@/model/review/percent';

/** Where the OCR can be trusted, from the reviewer's verdicts: accuracy by field and by confidence. */
export function ReportView({ threshold, children }: { threshold: number; children?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const reviews = useCardlensState((s) => s.reviews);
  const secondReads = useCardlensState(secondReadsByHash);
  const charts = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const all = useMemo(() => [...reviews.values()], [reviews]);
  const fields: ReviewedField[] = useMemo(
    () => all.flatMap((r) => Object.values(r.fields).map((f) => ({ key: f.key, conf: f.conf, verdict: f.verdict }))),
    [all],
  );
  const accuracy = accuracyByField(fields);
  const agreement = useMemo(() => secondReadReport(secondReads, reviews), [secondReads, reviews]);
  const bins = reliability(fields);
  const whatIf = thresholdWhatIf(fields);
  const pace = reviewerThroughput(all);
  const scored = fields.filter((f) => f.conf !== null).length;
  const current = thresholdWhatIf(fields, 100).find(
    (p) => Math.abs(p.threshold - Math.round(threshold * 100) / 100) < 1e-9,
  );

  function exportJson() {
    const report = {
      exportedAt: new Date().toISOString(),
      threshold,
      fieldsReviewed: fields.length,
      accuracyByField: accuracy,
      reliability: bins,
      thresholdWhatIf: whatIf,
      throughput: pace,
      ...(agreement.cards > 0 && { secondRead: agreement }),
    };
    download(new Blob([visibleJson(report)], { type: 'application/json' }), 'cardlens-report.json');
  }
  function exportSvg() {
    const svgs = [...(charts.current?.querySelectorAll('svg') ?? [])].map((svg) => svg.outerHTML);
    const body = `<svg xmlns="http://www.w3.org/2000/svg" width="740" height="230" font-family="sans-serif">${svgs.map((s, i) => `<g transform="translate(${i * 375} 0)">${s}</g>`).join('')}</svg>`;
    download(new Blob([body], { type: 'image/svg+xml' }), 'cardlens-report-charts.svg');
  }

  return (
    <section className="report" aria-labelledby={titleId}>
      <div className="row spread">
        <h2 id={titleId}>{t('report')}</h2>
        <div className="row">
          {children}
          <button type="button" onClick={exportJson} disabled={fields.length === 0}>
            {t('exportReportJson')}
          </button>
          <button type="button" onClick={exportSvg} disabled={fields.length === 0}>
            {t('exportCharts')}
          </button>
        </div>
      </div>
      <SecondReadSection report={agreement} />
      {fields.length === 0 ? (
        <p className="hint">{t('reportEmpty')}</p>
      ) : (
        <>
          <dl className="result-details">
            <dt>{t('reportFields')}</dt>
            <dd data-testid="report-fields">{fields.length}</dd>
            <dt>{t('reportCards')}</dt>
            <dd>{pace.cards}</dd>
            <dt>{t('reportPace')}</dt>
            <dd>
              {pace.cardsPerMinute === null
                ? '—'
                : t('reportPaceValue', {
                    cards: pace.cardsPerMinute.toFixed(1),
                    fields: pace.fieldsPerMinute!.toFixed(1),
                  })}
            </dd>
            {current && (
              <>
                <dt>{t('reportAtThreshold', { n: Math.round(threshold * 100) })}</dt>
                <dd>
                  {t('reportWhatIfValue', {
                    review: current.toReview,
                    total: scored,
                    accuracy: percent(current.accuracyOfRest),
                  })}
                </dd>
              </>
            )}
          </dl>
          <table className="field-table" aria-label={t('reportAccuracy')}>
            <thead>
              <tr>
                <th scope="col">{t('fields')}</th>
                <th scope="col">{t('reportReviewed')}</th>
                <th scope="col">{t('reportRight')}</th>
                <th scope="col">{t('verdictWrongBox')}</th>
                <th scope="col">{t('reportAccuracy')}</th>
              </tr>
            </thead>
            <tbody>
              {accuracy.map((a) => (
                <tr key={a.key}>
                  <th scope="row">{fieldName(a.key, lang)}</th>
                  <td>{a.reviewed}</td>
                  <td>{a.correct}</td>
                  <td>{a.wrongBox}</td>
                  <td>{percent(a.accuracy)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="charts" ref={charts}>
            <ReliabilityChart
              bins={bins}
              title={t('reportReliability')}
              xLabel={t('confidence')}
              yLabel={t('reportObserved')}
            />
            <WhatIfChart
              points={whatIf}
              total={scored}
              threshold={threshold}
              title={t('reportWhatIf')}
              xLabel={t('confidenceThreshold')}
              yLabel={t('reportShare')}
            />
          </div>
          <p className="hint">{t('reportLegend')}</p>
        </>
      )}
    </section>
  );
}
