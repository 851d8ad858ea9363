import { useId, useState } from 'react';
import type { AnalysisOutcome } from '@/api';
import { preflight, type PreflightPassed, type QueueItem } from '@/features/analyze';
import { useI18n, ConfirmExportDialog, download } from '@/features/shared';
import { useReviews } from './review-context';
import type { CardReview } from './review-model';
import {
  buildSession,
  checkSessionSize,
  describeRefusal,
  importedOutcome,
  parseSession,
  SessionRefused,
  type SessionRefusal,
} from './session';

type ImportMessage =
  { kind: 'done'; count: number } | { kind: 'refused'; refusal: SessionRefusal } | { kind: 'failed'; reason: string };

interface Props {
  items: readonly QueueItem[];
  onImported: (file: File, checked: PreflightPassed, outcome: AnalysisOutcome) => void;
  /** Called with the cards whose full results left the page in an unredacted session file. */
  onExported: (ids: string[]) => void;
  /** In presentation mode only the redacted session is offered. */
  presentation: boolean;
}

/** Export a reviewed batch, or reopen one from its JSON and images without any API call. */
export function SessionControls({ items, onImported, onExported, presentation }: Props) {
  const { t, lang } = useI18n();
  const { reviews, importReviews } = useReviews();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const inputId = useId();

  function exportSession(redacted: boolean) {
    const cards = items
      .filter((i) => i.outcome && i.image)
      .map((i) => ({
        file: i.file.name,
        sha256: i.image!.sha256,
        outcome: i.outcome!,
        review: reviews.get(i.image!.sha256),
      }));
    download(
      new Blob([buildSession(cards, redacted)], { type: 'application/json' }),
      `cardlens-session${redacted ? '-redacted' : ''}.json`,
    );
    if (!redacted) onExported(items.filter((i) => i.outcome).map((i) => i.id));
    setConfirming(false);
  }

  // The whole file is checked, against the hashes of the images chosen with it, before anything
  // of it reaches the queue or the reviews: a refused file leaves both as they were.
  async function importFiles(files: File[]) {
    try {
      const json = files.find((f) => f.name.toLowerCase().endsWith('.json'));
      if (!json) throw new SessionRefused({ problem: 'no-json' });
      checkSessionSize(json.size);
      const text = await json.text();
      const images: { file: File; checked: PreflightPassed }[] = [];
      for (const file of files.filter((f) => f !== json)) {
        const checked = await preflight(file);
        if (checked.ok) images.push({ file, checked });
      }
      const session = parseSession(
        text,
        images.map((i) => i.checked.sha256),
      );
      const bySha = new Map(session.cards.map((c) => [c.sha256, c]));
      let count = 0;
      const reviewed: CardReview[] = [];
      for (const { file, checked } of images) {
        const card = bySha.get(checked.sha256);
        if (!card) continue;
        onImported(file, checked, importedOutcome(card));
        if (card.review) reviewed.push(card.review);
        count++;
      }
      importReviews(reviewed);
      setMessage({ kind: 'done', count });
    } catch (error) {
      setMessage(
        error instanceof SessionRefused
          ? { kind: 'refused', refusal: error.refusal }
          : { kind: 'failed', reason: error instanceof Error ? error.message : String(error) },
      );
    }
  }

  return (
    <>
      <button type="button" onClick={() => setConfirming(true)} disabled={!items.some((i) => i.outcome)}>
        {t('exportSession')}
      </button>
      <label htmlFor={inputId} className="button-like">
        {t('importSession')}
      </label>
      <input
        id={inputId}
        type="file"
        multiple
        accept=".json,application/json,image/png,image/jpeg"
        className="visually-hidden"
        onChange={(e) => {
          void importFiles(Array.from(e.target.files ?? []));
          e.target.value = '';
        }}
      />
      {message && (
        <span role="status" className="hint">
          {message.kind === 'done'
            ? t('importDone', { n: message.count })
            : message.kind === 'refused'
              ? t('importRefused', { reason: describeRefusal(message.refusal, lang) })
              : t('importProblem', { reason: message.reason })}
        </span>
      )}
      {confirming && (
        <ConfirmExportDialog onExport={exportSession} onCancel={() => setConfirming(false)} allowFull={!presentation} />
      )}
    </>
  );
}
