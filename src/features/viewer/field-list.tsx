import { useEffect, useRef, useState } from 'react';
import { fieldName } from '@/model/fields/field-names';
import { isBelow, shownValue, type ValueView, type ViewerField } from '@/model/fields/result-fields';
import type { FieldVerdict } from '@/model/review/review-model';
import { useI18n } from '@/ui/i18n';
import { percent } from './label-text';

interface Props {
  fields: ViewerField[];
  verdicts: Record<string, { verdict: FieldVerdict; correction?: string }>;
  badges: Map<string, 'fail' | 'info'>;
  threshold: number;
  lowFirst: boolean;
  values: ValueView;
  /** Copy puts the full value on the clipboard, so presentation mode does not offer it. */
  canCopy: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onHover: (id: string | null) => void;
}

const VERDICT_ICON: Record<FieldVerdict, string> = { correct: '✓', 'wrong-value': '✎', 'wrong-box': '▭' };

export function orderFields(fields: ViewerField[], threshold: number, lowFirst: boolean): ViewerField[] {
  if (!lowFirst) return fields;
  return [...fields.filter((f) => isBelow(f, threshold)), ...fields.filter((f) => !isBelow(f, threshold))];
}

/** Rows linked to boxes: hover or focus highlights, arrows move, the selection is announced. */
export function FieldList({
  fields,
  verdicts,
  badges,
  threshold,
  lowFirst,
  values,
  canCopy,
  selectedId,
  onSelect,
  onHover,
}: Props) {
  const { t, lang } = useI18n();
  const rows = orderFields(fields, threshold, lowFirst);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  /** The last copy and whether the browser took it; shown on its button for a moment. */
  const [copied, setCopied] = useState<{ id: string; ok: boolean } | null>(null);

  useEffect(() => {
    if (selectedId) buttons.current.get(selectedId)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  function move(from: number, step: number) {
    const next = rows[Math.min(rows.length - 1, Math.max(0, from + step))];
    if (!next) return;
    onSelect(next.id);
    buttons.current.get(next.id)?.focus();
  }

  async function copy(field: ViewerField) {
    // The clipboard is missing outside secure contexts and can be refused; the button then says so.
    const ok = await Promise.resolve()
      .then(() => navigator.clipboard.writeText(field.value))
      .then(
        () => true,
        () => false,
      );
    const shown = { id: field.id, ok };
    setCopied(shown);
    setTimeout(() => setCopied((current) => (current === shown ? null : current)), 1500);
  }

  const selected = fields.find((f) => f.id === selectedId);
  if (fields.length === 0) return <p className="hint">{t('noFields')}</p>;
  return (
    <>
      <table className="field-table">
        <thead>
          <tr>
            <th scope="col">{t('fields')}</th>
            <th scope="col">{t('confidence')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('copyValue', { field: '' })}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((field, index) => {
            const below = isBelow(field, threshold);
            const name = fieldName(field.key, lang) + (field.group ? ` ${field.group}` : '');
            return (
              <tr
                key={field.id}
                className={`${field.id === selectedId ? 'selected' : ''}${below ? ' below' : ''}`}
                data-field-id={field.id}
              >
                <td>
                  <button
                    type="button"
                    className="field-row"
                    ref={(el) => {
                      if (el) buttons.current.set(field.id, el);
                      else buttons.current.delete(field.id);
                    }}
                    aria-pressed={field.id === selectedId}
                    onClick={() => onSelect(field.id)}
                    onMouseEnter={() => onHover(field.id)}
                    onMouseLeave={() => onHover(null)}
                    onFocus={() => onHover(field.id)}
                    onBlur={() => onHover(null)}
                    onKeyDown={(e) => {
                      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                        e.preventDefault();
                        move(index, e.key === 'ArrowDown' ? 1 : -1);
                      }
                    }}
                  >
                    <span className="swatch" style={{ background: field.colour }} aria-hidden="true" />
                    <span className="field-name">
                      {name}
                      {field.quad === null && <span className="hint no-box"> · {t('noBox')}</span>}
                    </span>
                    <span className="field-value">
                      {shownValue(field, values)}
                      {verdicts[field.id] && (
                        <span
                          className={`verdict-chip verdict-${verdicts[field.id].verdict}`}
                          title={t(`verdict_${verdicts[field.id].verdict}`)}
                        >
                          {' '}
                          {VERDICT_ICON[verdicts[field.id].verdict]}
                          <span className="visually-hidden">{t(`verdict_${verdicts[field.id].verdict}`)}</span>
                          {verdicts[field.id].correction !== undefined && values === 'clear'
                            ? ` → ${verdicts[field.id].correction}`
                            : ''}
                        </span>
                      )}
                    </span>
                  </button>
                </td>
                <td className="conf">
                  {field.conf === null ? '—' : percent(field.conf)}
                  {badges.get(field.id) === 'fail' && (
                    <span className="rule-mark" title={t('rule_fail')}>
                      {' '}
                      ✗<span className="visually-hidden">{t('rule_fail')}</span>
                    </span>
                  )}
                  {below && (
                    <span className="warn" title={t('belowThreshold')}>
                      {' '}
                      ⚠<span className="visually-hidden">{t('belowThreshold')}</span>
                    </span>
                  )}
                </td>
                <td>
                  {canCopy && (
                    <button
                      type="button"
                      className="icon"
                      aria-label={t('copyValue', { field: name })}
                      onClick={() => void copy(field)}
                    >
                      {copied?.id === field.id ? t(copied.ok ? 'copied' : 'copyFailed') : t('copy')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="visually-hidden" aria-live="polite" role="status">
        {selected
          ? t('selectedField', {
              field: fieldName(selected.key, lang) + (selected.group ? ` ${selected.group}` : ''),
              value: shownValue(selected, values),
              conf: selected.conf === null ? '—' : percent(selected.conf),
            })
          : ''}
      </p>
    </>
  );
}
