import { useId, useState, type ComponentType } from 'react';
import type { IdCardAnalysis } from '@/api';
import type { QueueItem } from '@/engine/queue/queue-item';
import type { CardView } from '@/model/card-view/card-view';
import { redactResult } from '@/model/fields/redact';
import { valueView } from '@/model/fields/result-fields';
import type { CardReview } from '@/model/review/review-model';
import { isProblem } from '@/model/rules/check-rules';
import { RulesPanel } from './rules-panel';
import { SecondReadNote } from './second-read-note';
import { ErrorBoundary } from '@/ui/error-boundary';
import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import { visibleJson } from '@/lib/hidden-characters';
import { FieldList } from './field-list';
import { ReviewBar } from './review-bar';
import { DeviceReadNote, ResultDetails, TimingTable } from './result-details';

export type InspectorTab = 'fields' | 'rules' | 'authenticity' | 'json' | 'timings';

/** The authenticity check's screen, which the app puts in the inspector's tab of that name. */
export type AuthenticityTab = ComponentType<{ analysis: IdCardAnalysis; showValues: boolean }>;

interface Props {
  item: QueueItem;
  card: CardView | null;
  review: CardReview | undefined;
  presentation: boolean;
  showValues: boolean;
  threshold: number;
  tab: InspectorTab;
  onTab: (tab: InspectorTab) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
  Authenticity: AuthenticityTab;
}

/** The side panel: the card's fields, rules, authenticity check, JSON and timings, as tabs. */
export function Inspector({
  item,
  card,
  review,
  presentation,
  showValues,
  threshold,
  tab,
  onTab,
  Authenticity,
  ...selection
}: Props) {
  const { t } = useI18n();
  const ids = useId();
  const [lowFirst, setLowFirst] = useState(false);
  const outcome = item.outcome;
  const tabs: { id: InspectorTab; label: MessageKey; hidden?: boolean }[] = [
    { id: 'fields', label: 'fields' },
    { id: 'rules', label: 'rules', hidden: !card },
    { id: 'authenticity', label: 'authenticity', hidden: outcome?.kind !== 'id-card' },
    { id: 'json', label: 'json', hidden: presentation || !card },
    { id: 'timings', label: 'timings', hidden: presentation || !outcome },
  ];
  const active = tabs.find((x) => x.id === tab && !x.hidden) ? tab : 'fields';
  const fields = card?.fields ?? [];
  const problems = card?.rules.filter(isProblem).length ?? 0;
  const reviewCard = item.image && outcome ? { sha256: item.image.sha256 } : null;

  return (
    <aside className="viewer-side">
      <div role="tablist" aria-label={t('fields')}>
        {tabs
          .filter((x) => !x.hidden)
          .map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              id={`${ids}-${x.id}`}
              aria-selected={active === x.id}
              aria-controls={`${ids}-${x.id}-panel`}
              onClick={() => onTab(x.id)}
            >
              {t(x.label)}
            </button>
          ))}
      </div>
      <div role="tabpanel" id={`${ids}-${active}-panel`} aria-labelledby={`${ids}-${active}`} className="tab-panel">
        {/* One boundary per tab, its content built inside it: a fault in one tab leaves the card,
            the other tabs and the queue. */}
        <ErrorBoundary
          key={active}
          resetKey={item.id}
          failed={t('inspectorTabFailed', { tab: t(tabs.find((x) => x.id === active)!.label) })}
        >
          {() => (
            <>
              {active === 'fields' && (
                <>
                  {card && item.answeredBy === 'device' && <DeviceReadNote card={card} />}
                  <SecondReadNote read={item.secondRead} />
                  {outcome && <ResultDetails outcome={outcome} presentation={presentation} quality={item.quality} />}
                  <label className="inline">
                    <input type="checkbox" checked={lowFirst} onChange={(e) => setLowFirst(e.target.checked)} />
                    {t('lowFirst')}
                  </label>
                  {problems > 0 && (
                    <button type="button" className="link rule-summary" onClick={() => onTab('rules')}>
                      ✗ {t('ruleFailures', { n: problems })}
                    </button>
                  )}
                  {!presentation && reviewCard && card && (
                    <ReviewBar
                      card={reviewCard}
                      fields={fields}
                      flagged={card.flagged}
                      threshold={threshold}
                      values={valueView(presentation, showValues)}
                      selectedId={selection.selectedId}
                      onSelect={selection.onSelect}
                    />
                  )}
                  <FieldList
                    verdicts={review?.fields ?? {}}
                    badges={card?.badges ?? NO_BADGES}
                    fields={fields}
                    threshold={threshold}
                    lowFirst={lowFirst}
                    values={valueView(presentation, showValues)}
                    canCopy={!presentation}
                    selectedId={selection.selectedId}
                    onSelect={selection.onSelect}
                    onHover={selection.onHover}
                  />
                </>
              )}
              {active === 'rules' && card && (
                <RulesPanel
                  rules={card.rules}
                  fields={fields}
                  values={valueView(presentation, showValues)}
                  onSelect={selection.onSelect}
                />
              )}
              {active === 'authenticity' && outcome?.kind === 'id-card' && (
                <Authenticity key={item.id} analysis={outcome} showValues={showValues} />
              )}
              {active === 'json' && outcome && (
                <>
                  {!showValues && <p className="hint">{t('jsonMasked')}</p>}
                  <pre className="json" role="region" tabIndex={0} aria-label={t('jsonResult')}>
                    {visibleJson(showValues ? outcome.result : redactResult(outcome))}
                  </pre>
                </>
              )}
              {active === 'timings' && outcome && <TimingTable outcome={outcome} />}
            </>
          )}
        </ErrorBoundary>
      </div>
    </aside>
  );
}

const NO_BADGES = new Map<string, 'fail' | 'info'>();
