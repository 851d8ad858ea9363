import { useId, useState } from 'react';
import { exportName } from '@/engine/queue/queue-item';
import { ImageChanged, exportSessionFile } from '@/model/review/session-export';
import { useI18n } from '@/ui/i18n';
import { ConfirmExportDialog } from '@/ui/confirm-export-dialog';
import { download } from '@/ui/download';
import { useCardlens, useCardlensState } from '@/ui/cardlens';
import { SessionImportNotice } from './session-import-notice';
import { importSession } from './session-import-store';

/**
 * Export a reviewed batch as one file, or reopen one (its ZIP, or its JSON and images) without any API
 * call. In presentation mode only the redacted session is offered.
 */
export function SessionControls() {
  const { t } = useI18n();
  const engine = useCardlens();
  const items = useCardlensState((s) => s.items);
  const reviews = useCardlensState((s) => s.reviews);
  const presentation = useCardlensState((s) => s.presentation);
  const [confirming, setConfirming] = useState(false);
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const inputId = useId();

  async function exportSession(redacted: boolean) {
    setConfirming(false);
    setExportProblem(null);
    const done = items.filter((i) => i.outcome && i.image);
    try {
      const { blob, name } = await exportSessionFile(
        done.map((i) => ({
          file: i.file.name,
          name: exportName(i),
          sha256: i.image!.sha256,
          bytes: i.file.size,
          format: i.image!.format,
          outcome: i.outcome!,
          review: reviews.get(i.image!.sha256),
          read: async () => new Uint8Array(await i.file.arrayBuffer()),
        })),
        redacted,
      );
      download(blob, name);
      // Only the full session keeps the results: leaving the page no longer loses them.
      if (!redacted) engine.markExported(done.map((i) => i.id));
    } catch (error) {
      setExportProblem(
        error instanceof ImageChanged
          ? t('exportSessionImageChanged', { file: error.file })
          : error instanceof Error
            ? error.message
            : String(error),
      );
    }
  }

  return (
    <>
      <button type="button" onClick={() => setConfirming(true)} disabled={!items.some((i) => i.outcome)}>
        {t('exportSession')}
      </button>
      <input
        id={inputId}
        type="file"
        multiple
        accept=".zip,application/zip,.json,application/json,image/png,image/jpeg"
        className="visually-hidden"
        onChange={(e) => {
          void importSession(engine, Array.from(e.target.files ?? []), 'report');
          e.target.value = '';
        }}
      />
      <label htmlFor={inputId} className="button-like">
        {t('importSession')}
      </label>
      {exportProblem && (
        <p className="notice notice-error" role="status">
          {t('exportSessionFailed', { reason: exportProblem })}
        </p>
      )}
      <SessionImportNotice origin="report" />
      {confirming && (
        <ConfirmExportDialog
          what="session"
          note={t('exportSessionNote')}
          onExport={(redacted) => void exportSession(redacted)}
          onCancel={() => setConfirming(false)}
          allowFull={!presentation}
        />
      )}
    </>
  );
}
