import { fieldName } from '@/model/fields/field-names';
import { shownReading, shownValue, type ValueView, type ViewerField } from '@/model/fields/result-fields';
import { useI18n } from '@/ui/i18n';
import { markedChars, type RuleResult } from '@/model/rules/rule-types';

const ICON: Record<RuleResult['outcome'], string> = { pass: '✓', fail: '✗', info: 'ℹ', missing: '∅' };

/** The checked rules, failing first; the offending character is underlined where one can be named. */
export function RulesPanel({
  rules,
  fields,
  values,
  onSelect,
}: {
  rules: RuleResult[];
  fields: ViewerField[];
  values: ValueView;
  onSelect: (id: string) => void;
}) {
  const { t, pick, lang } = useI18n();
  const order: RuleResult['outcome'][] = ['fail', 'missing', 'info', 'pass'];
  const sorted = [...rules].sort((a, b) => order.indexOf(a.outcome) - order.indexOf(b.outcome));
  if (rules.length === 0) return <p className="hint">{t('noRules')}</p>;
  return (
    <ul className="rules" aria-label={t('rules')}>
      {sorted.map((r, i) => {
        const field = fields.find((f) => f.id === r.fieldId);
        const value = field ? shownValue(field, values) : '';
        const marked = markedChars(r).filter((k) => k >= 0);
        return (
          <li key={`${r.rule}-${r.key}-${i}`} className={`rule rule-${r.outcome}`}>
            <span className="rule-icon" aria-hidden="true">
              {ICON[r.outcome]}
            </span>
            <span className="visually-hidden">{t(`rule_${r.outcome}`)}</span>
            <span>
              {field ? (
                <button type="button" className="link" onClick={() => onSelect(field.id)}>
                  {fieldName(r.key, lang)}
                  {field.group !== undefined && ` ${field.group}`}
                </button>
              ) : (
                <strong>{fieldName(r.key, lang)}</strong>
              )}
              : {pick(r.message)}
              {field && marked.length > 0 && (
                <span className="rule-value">
                  {' '}
                  <code>{[...value].map((c, k) => (marked.includes(k) ? <mark key={k}>{c}</mark> : c))}</code>{' '}
                  <span className="hint">{t('characterAt', { n: marked.map((k) => k + 1).join(', ') })}</span>
                </span>
              )}
              {field && r.seen !== undefined && (
                <span className="rule-seen">
                  {' '}
                  {t('deviceRead')} <code>{shownReading(field, r.seen, values)}</code>
                </span>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
