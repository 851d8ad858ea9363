import { useId, useState } from 'react';
import { exportName } from '@/engine/queue/queue-item';
import { metaOf, type ImageMeta } from '@/images/image-meta';
import { preflight } from '@/images/preflight';
import { useI18n } from '@/ui/i18n';
import { ConfirmExportDialog } from '@/ui/confirm-export-dialog';
import { download } from '@/ui/download';
import { useCardlens, useCardlensState } from '@/ui/cardlens';
import {
  buildSession,
  checkSessionSize,
  describeRefusal,
  importedOutcome,
  parseSession,
  SessionRefused,
  type SessionRefusal,
} from '@/model/review/session';
import { readSessionImages } from '@/model/review/session-import';

/** What an import keeps of an image it read: what the queue keeps, and the thumbnail; never its bytes. */
export type ImportedImage = ImageMeta & { thumbnail: Blob };

async function checkedImage(file: File): Promise<ImportedImage | null> {
  const checked = await preflight(file);
  return checked.ok ? { ...metaOf(checked), thumbnail: checked.thumbnail } : null;
}

type ImportMessage =
  { kind: 'done'; count: number } | { kind: 'refused'; refusal: SessionRefusal } | { kind: 'failed'; reason: string };

/**
 * Export a reviewed batch, or reopen one from its JSON and images without any API call. In presentation
 * mode only the redacted session is offered.
 */
export function SessionControls() {
  const { t, lang } = useI18n();
  const engine = useCardlens();
  const items = useCardlensState((s) => s.items);
  const reviews = useCardlensState((s) => s.reviews);
  const presentation = useCardlensState((s) => s.presentation);
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<ImportMessage | null>(null);
  const inputId = useId();

  function exportSession(redacted: boolean) {
    const cards = items
      .filter((i) => i.outcome && i.image)
      .map((i) => ({
        file: i.file.name,
        name: exportName(i),
        sha256: i.image!.sha256,
        bytes: i.file.size,
        outcome: i.outcome!,
        review: reviews.get(i.image!.sha256),
      }));
    download(
      new Blob([buildSession(cards, redacted)], { type: 'application/json' }),
      `cardlens-session${redacted ? '-redacted' : ''}.json`,
    );
    // Only the full session keeps the results: leaving the page no longer loses them.
    if (!redacted) engine.markExported(items.filter((i) => i.outcome).map((i) => i.id));
    setConfirming(false);
  }

  // The JSON is checked whole first; then only the images it names are read, one at a time, and a
  // review's image must be among them. A refused session leaves the queue and the reviews as they were.
  async function importFiles(files: File[]) {
    try {
      const json = files.find((f) => f.name.toLowerCase().endsWith('.json'));
      if (!json) throw new SessionRefused({ problem: 'no-json' });
      checkSessionSize(json.size);
      const session = parseSession(await json.text());
      const images = await readSessionImages(
        files.filter((f) => f !== json),
        session,
        checkedImage,
      );
      for (const { file, checked, card } of images)
        engine.addImported(file, checked, importedOutcome(card), checked.thumbnail);
      engine.importReviews(images.flatMap(({ card }) => (card.review ? [card.review] : [])));
      setMessage({ kind: 'done', count: images.length });
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
        <ConfirmExportDialog
          what="session"
          onExport={exportSession}
          onCancel={() => setConfirming(false)}
          allowFull={!presentation}
        />
      )}
    </>
  );
}
