import { useEffect, useId, useRef, useState } from 'react';
import { isTypingTarget } from '@/lib/keyboard';
import { isBelow, type ViewerField } from '@/model/fields/result-fields';
import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import type { CardVerdict, FieldVerdict } from '@/model/review/review-model';
import { useCardlens, useCardlensState } from '@/ui/cardlens';

interface Props {
  card: { sha256: string } | null;
  fields: ViewerField[];
  /** Field ids with a rule failure, for N. */
  flagged: ReadonlySet<string>;
  threshold: number;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const CARD_VERDICTS: [CardVerdict, MessageKey][] = [
  ['accepted', 'acceptCard'],
  ['rejected', 'rejectCard'],
];

const SHORTCUTS: [string, MessageKey][] = [
  ['J / K', 'shortcutNextPrev'],
  ['N', 'shortcutNextFlagged'],
  ['Y', 'verdictCorrect'],
  ['X', 'verdictWrongValue'],
  ['B', 'verdictWrongBox'],
  ['] / [', 'shortcutCards'],
  ['?', 'shortcutHelp'],
];

/** Keyboard-first review of the selected field: a reviewer marks a batch without leaving the keys. */
export function ReviewBar({ card, fields, flagged, threshold, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const { setFieldVerdict, setCardVerdict, setKeepOnDevice } = useCardlens();
  const reviews = useCardlensState((s) => s.reviews);
  const keepOnDevice = useCardlensState((s) => s.keepOnDevice);
  const [editing, setEditing] = useState<string | null>(null);
  const [correction, setCorrection] = useState('');
  const [help, setHelp] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { keep: useId(), correction: useId() };
  const review = card ? reviews.get(card.sha256) : undefined;
  const boxed = fields;
  const index = boxed.findIndex((f) => f.id === selectedId);
  const selected = index >= 0 ? boxed[index] : undefined;

  const judge = (verdict: FieldVerdict, value?: string) => {
    if (!card || !selected) return;
    setFieldVerdict(card, selected, verdict, value);
  };

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      // The help is a dialog, whose keys are its own, but the keys that open it also close it.
      if (help && (event.key === 'Escape' || event.key === '?')) {
        event.preventDefault();
        setHelp(false);
        return;
      }
      if (isTypingTarget(event.target)) return;
      const key = event.key.toLowerCase();
      const move = (step: number) => {
        const next = boxed[Math.min(boxed.length - 1, Math.max(0, (index < 0 ? -step : index) + step))];
        if (next) onSelect(next.id);
      };
      const actions: Record<string, () => void> = {
        j: () => move(1),
        k: () => move(-1),
        n: () => {
          const order = [...boxed.slice(index + 1), ...boxed.slice(0, index + 1)];
          const next = order.find((f) => isBelow(f, threshold) || flagged.has(f.id));
          if (next) onSelect(next.id);
        },
        y: () => judge('correct'),
        b: () => judge('wrong-box'),
        x: () => {
          if (!selected) return;
          setCorrection(review?.fields[selected.id]?.correction ?? '');
          setEditing(selected.id);
        },
        '?': () => setHelp((open) => !open),
      };
      const action = actions[key] ?? actions[event.key];
      if (action) {
        event.preventDefault();
        action();
      } else if (event.key === 'Escape') setHelp(false);
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (editing) inputRef.current?.focus();
  }, [editing]);

  const counts = review ? Object.values(review.fields) : [];
  return (
    <div className="review-bar" aria-label={t('review')}>
      <div className="row">
        <button type="button" onClick={() => judge('correct')} disabled={!selected} aria-keyshortcuts="Y">
          ✓ {t('verdictCorrect')} <kbd>Y</kbd>
        </button>
        <button
          type="button"
          onClick={() => {
            if (!selected) return;
            setCorrection(review?.fields[selected.id]?.correction ?? '');
            setEditing(selected.id);
          }}
          disabled={!selected}
          aria-keyshortcuts="X"
        >
          ✎ {t('verdictWrongValue')} <kbd>X</kbd>
        </button>
        <button type="button" onClick={() => judge('wrong-box')} disabled={!selected} aria-keyshortcuts="B">
          ▭ {t('verdictWrongBox')} <kbd>B</kbd>
        </button>
        <button type="button" className="link" onClick={() => setHelp(true)} aria-keyshortcuts="?">
          {t('shortcutsTitle')} (?)
        </button>
      </div>
      {editing && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            judge('wrong-value', correction);
            setEditing(null);
          }}
        >
          <label htmlFor={ids.correction} className="inline">
            {t('correctedValue')}
          </label>
          <input
            id={ids.correction}
            ref={inputRef}
            value={correction}
            autoComplete="off"
            onChange={(e) => setCorrection(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
          />
          <button type="submit">{t('save')}</button>
        </form>
      )}
      <div className="row">
        <span className="hint">{t('reviewedCount', { n: counts.length, total: fields.length })}</span>
        <span className="button-group">
          {CARD_VERDICTS.map(([verdict, label]) => (
            <button
              key={verdict}
              type="button"
              onClick={() => card && setCardVerdict(card, verdict)}
              disabled={!card}
              aria-pressed={review?.card?.verdict === verdict}
            >
              {t(label)}
            </button>
          ))}
        </span>
      </div>
      <label className="inline" htmlFor={ids.keep}>
        <input
          id={ids.keep}
          type="checkbox"
          checked={keepOnDevice}
          onChange={(e) => setKeepOnDevice(e.target.checked)}
        />
        {t('keepReview')}
      </label>
      {help && (
        <div className="dialog-backdrop" onClick={() => setHelp(false)}>
          <div
            role="dialog"
            aria-modal="true"
            aria-labelledby="shortcuts-title"
            className="dialog"
            onClick={(e) => e.stopPropagation()}
          >
            <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
            <table>
              <tbody>
                {SHORTCUTS.map(([keys, label]) => (
                  <tr key={keys}>
                    <th scope="row">
                      <kbd>{keys}</kbd>
                    </th>
                    <td>{t(label)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" autoFocus onClick={() => setHelp(false)}>
              {t('dismiss')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
