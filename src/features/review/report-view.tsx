import { useId, useMemo, useRef } from 'react';
import { fieldName } from '@/model/fields/field-names';
import { useI18n } from '@/ui/i18n';
import { ThresholdSlider } from '@/ui/threshold-slider';
import { download } from '@/ui/download';
import { visibleJson } from '@/lib/hidden-characters';
import { chartsSvg, ReliabilityChart, WhatIfChart } from './report-charts';
import { secondReadsByHash } from '@/engine/selectors';
import { resolutionAgreement } from '@/model/second-read/photo-quality';
import { useCardlens, useCardlensState } from '@/ui/cardlens';
import {
  accuracyByField,
  atThreshold,
  overallAccuracy,
  reliability,
  reviewerThroughput,
  thresholdWhatIf,
  type FieldAccuracy,
  type ReviewedField,
} from '@/model/review/review-model';
import { secondReadReport } from '@/model/review/second-read-report';
import { SecondReadSection } from './second-read-section';
import { percent } from '@/model/review/percent';

/** Where the OCR can be trusted, from the reviewer's verdicts: accuracy by field and by confidence. */
export function ReportView({ threshold, children }: { threshold: number; children?: React.ReactNode }) {
  const { t, lang } = useI18n();
  const engine = useCardlens();
  const reviews = useCardlensState((s) => s.reviews);
  const secondReads = useCardlensState(secondReadsByHash);
  const items = useCardlensState((s) => s.items);
  const charts = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const thresholdHintId = useId();
  const all = useMemo(() => [...reviews.values()], [reviews]);
  const fields: ReviewedField[] = useMemo(
    () => all.flatMap((r) => Object.values(r.fields).map((f) => ({ key: f.key, conf: f.conf, verdict: f.verdict }))),
    [all],
  );
  const accuracy = accuracyByField(fields);
  const overall = overallAccuracy(fields);
  const agreement = useMemo(() => secondReadReport(secondReads, reviews), [secondReads, reviews]);
  const resolution = useMemo(() => resolutionAgreement(items), [items]);
  const bins = reliability(fields);
  const whatIf = thresholdWhatIf(fields);
  const pace = reviewerThroughput(all);
  const current = atThreshold(fields, threshold);

  function exportJson() {
    const report = {
      exportedAt: new Date().toISOString(),
      threshold,
      fieldsReviewed: fields.length,
      accuracyByField: accuracy,
      accuracy: overall,
      atThreshold: current,
      reliability: bins,
      thresholdWhatIf: whatIf,
      throughput: pace,
      ...(agreement.cards > 0 && { secondRead: agreement }),
      ...(resolution.answered > 0 && { resolutionPredicted: resolution }),
    };
    download(new Blob([visibleJson(report)], { type: 'application/json' }), 'cardlens-report.json');
  }
  function exportSvg() {
    const figures = [...(charts.current?.querySelectorAll('figure') ?? [])];
    const body = chartsSvg(
      figures.map((figure) => ({
        title: figure.querySelector('figcaption')?.textContent ?? '',
        svg: figure.querySelector('svg')!,
      })),
    );
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
      {resolution.answered > 0 && (
        <p data-testid="resolution-agreement">{t('reportResolutionAgreement', { ...resolution })}</p>
      )}
      <SecondReadSection report={agreement} />
      {fields.length === 0 ? (
        <p className="hint">{t('reportEmpty')}</p>
      ) : (
        <>
          <dl className="result-details">
            <dt>{t('reportFields')}</dt>
            <dd>
              <span data-testid="report-fields">{current.reviewed}</span>:{' '}
              {t('reportFieldsSplit', { scored: current.scored, unscored: current.unscored })}
            </dd>
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
          </dl>
          <div className="report-threshold">
            <ThresholdSlider threshold={threshold} onChange={engine.setThreshold} describedBy={thresholdHintId} />
            <p id={thresholdHintId} className="hint">
              {t('reportThresholdHint')}
            </p>
            <p data-testid="report-what-if">
              {t('reportAtThreshold', { n: Math.round(threshold * 100) })}:{' '}
              {current.rest === 0 && current.scored > 0
                ? t('reportWhatIfAllToReview', { total: current.scored })
                : t('reportWhatIfValue', {
                    review: current.toReview,
                    total: current.scored,
                    rest: current.rest,
                    accuracy: percent(current.accuracyOfRest),
                  })}
            </p>
          </div>
          <table className="field-table" aria-label={t('reportAccuracy')}>
            <thead>
              <tr>
                <th scope="col">{t('fields')}</th>
                <th scope="col">{t('reportReviewed')}</th>
                <th scope="col">{t('reportRight')}</th>
                <th scope="col">{t('reportValueAccuracy')}</th>
                <th scope="col">{t('verdictWrongBox')}</th>
                <th scope="col">{t('reportBoxAccuracy')}</th>
              </tr>
            </thead>
            <tbody>
              {accuracy.map((a) => (
                <AccuracyRow key={a.key} name={fieldName(a.key, lang)} accuracy={a} />
              ))}
            </tbody>
            {overall && (
              <tfoot>
                <AccuracyRow name={t('reportAllFields')} accuracy={overall} />
              </tfoot>
            )}
          </table>
          <p className="hint">{t('reportAccuracyNote')}</p>
          <div className="charts" ref={charts}>
            <ReliabilityChart
              bins={bins}
              title={t('reportReliability')}
              xLabel={t('confidence')}
              yLabel={t('reportObserved')}
            />
            <WhatIfChart
              points={whatIf}
              total={current.scored}
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

function AccuracyRow({ name, accuracy: a }: { name: string; accuracy: FieldAccuracy }) {
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{a.reviewed}</td>
      <td>{a.rightValue}</td>
      <td>{percent(a.valueAccuracy)}</td>
      <td>{a.wrongBox}</td>
      <td>{percent(a.boxAccuracy)}</td>
    </tr>
  );
}
