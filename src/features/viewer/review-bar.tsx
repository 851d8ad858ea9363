import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { isTypingTarget, modalOpen } from '@/lib/keyboard';
import { isBelow, type ValueView, type ViewerField } from '@/model/fields/result-fields';
import { useI18n } from '@/ui/i18n';
import type { MessageKey } from '@/model/text/messages';
import type { CardVerdict, FieldVerdict } from '@/model/review/review-model';
import { correctionDraft, stillMasked } from '@/model/review/correction-draft';
import { afterVerdict, batchReview, fieldsLeft, nextWhere, stepField } from '@/model/review/review-progress';
import { useCardlens, useCardlensState } from '@/ui/cardlens';
import { setShortcutHelp } from '@/ui/shortcut-help-state';

/** The keys that record a verdict (the rest only move). */
const VERDICT_KEYS = new Set(['y', 'b', 'x', 'a', 'r']);

interface Props {
  card: { sha256: string } | null;
  fields: ViewerField[];
  /** Field ids with a rule failure, for N. */
  flagged: ReadonlySet<string>;
  threshold: number;
  /** How values show beside the card: the correction box starts from what shows, never more. */
  values: ValueView;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

const CARD_VERDICTS: [CardVerdict, MessageKey, string][] = [
  ['accepted', 'acceptCard', 'A'],
  ['rejected', 'rejectCard', 'R'],
];

/**
 * Keyboard-first review of the selected field: a reviewer marks a batch without leaving the keys. A
 * verdict moves on to the next field, and accepting or rejecting the card to the next card.
 */
export function ReviewBar({ card, fields, flagged, threshold, values, selectedId, onSelect }: Props) {
  const { t } = useI18n();
  const { setFieldVerdict, setCardVerdict, setKeepOnDevice, step } = useCardlens();
  const reviews = useCardlensState((s) => s.reviews);
  const items = useCardlensState((s) => s.items);
  const keepOnDevice = useCardlensState((s) => s.keepOnDevice);
  const [editing, setEditing] = useState<string | null>(null);
  const [correction, setCorrection] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = { keep: useId(), correction: useId(), masked: useId() };
  const review = card ? reviews.get(card.sha256) : undefined;
  const order = fields.map((f) => f.id);
  const selected = fields.find((f) => f.id === selectedId);
  const left = fieldsLeft(order, review).length;
  const batch = useMemo(
    () =>
      batchReview(
        items.flatMap((i) => (i.outcome && i.image ? [i.image] : [])),
        reviews,
      ),
    [items, reviews],
  );

  const judge = (verdict: FieldVerdict, value?: string) => {
    if (!card || !selected) return;
    setFieldVerdict(card, selected, verdict, value);
    const next = afterVerdict(order, selected.id);
    if (next) onSelect(next);
  };
  const judgeCard = (verdict: CardVerdict) => {
    if (!card) return;
    setCardVerdict(card, verdict);
    step(1);
  };
  const edit = () => {
    if (!selected) return;
    setCorrection(correctionDraft(selected, values, review?.fields[selected.id]?.correction));
    setEditing(selected.id);
  };
  // The box belongs to the field it was opened on: choosing another field closes it, so a correction never
  // lands on a field it was not written for.
  const correcting = editing !== null && editing === selectedId;
  const masked = correcting && stillMasked(correction);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      const select = (id: string | null) => id && onSelect(id);
      const actions: Record<string, () => void> = {
        j: () => select(stepField(order, selectedId, 1)),
        k: () => select(stepField(order, selectedId, -1)),
        n: () => {
          const wanted = new Set(fields.filter((f) => isBelow(f, threshold) || flagged.has(f.id)).map((f) => f.id));
          select(nextWhere(order, selectedId, (id) => wanted.has(id)));
        },
        y: () => judge('correct'),
        b: () => judge('wrong-box'),
        x: edit,
        a: () => judgeCard('accepted'),
        r: () => judgeCard('rejected'),
      };
      const key = event.key.toLowerCase();
      // Nothing acts behind a dialog; and a verdict is one press, not a held key's repeats.
      if (modalOpen() || (VERDICT_KEYS.has(key) && event.repeat)) return;
      const action = actions[key];
      if (action) {
        event.preventDefault();
        action();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    // Ready to edit: typing replaces the value, an arrow key keeps it.
    if (!correcting) return;
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [correcting]);

  return (
    <div className="review-bar" aria-label={t('review')}>
      <div className="row">
        <button type="button" onClick={() => judge('correct')} disabled={!selected} aria-keyshortcuts="Y">
          ✓ {t('verdictCorrect')} <kbd>Y</kbd>
        </button>
        <button type="button" onClick={edit} disabled={!selected} aria-keyshortcuts="X">
          ✎ {t('verdictWrongValue')} <kbd>X</kbd>
        </button>
        <button type="button" onClick={() => judge('wrong-box')} disabled={!selected} aria-keyshortcuts="B">
          ▭ {t('verdictWrongBox')} <kbd>B</kbd>
        </button>
        <button type="button" className="link" onClick={() => setShortcutHelp(true)} aria-keyshortcuts="?">
          {t('shortcutsTitle')} (?)
        </button>
      </div>
      {correcting && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            if (masked) return;
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
            aria-describedby={masked ? ids.masked : undefined}
            onChange={(e) => setCorrection(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setEditing(null)}
          />
          <button type="submit" disabled={masked}>
            {t('save')}
          </button>
          {masked && (
            <p id={ids.masked} className="hint">
              {t('correctionMasked')}
            </p>
          )}
        </form>
      )}
      <div className="row">
        <span className="hint" data-testid="review-progress">
          {left > 0 ? t('fieldsLeft', { left, total: fields.length }) : t('fieldsAllDone')} ·{' '}
          {t('cardsReviewed', { n: batch.accepted + batch.rejected, total: batch.cards })}
        </span>
        <span className="button-group">
          {CARD_VERDICTS.map(([verdict, label, key]) => (
            <button
              key={verdict}
              type="button"
              onClick={() => judgeCard(verdict)}
              disabled={!card}
              aria-pressed={review?.card?.verdict === verdict}
              aria-keyshortcuts={key}
            >
              {t(label)} <kbd>{key}</kbd>
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
    </div>
  );
}
