import { useId } from 'react';
import { describeRefusal } from '@/model/review/session';
import { useCardlens } from '@/ui/cardlens';
import { useI18n } from '@/ui/i18n';
import {
  chooseMissingImages,
  dismissSessionImport,
  importWithoutMissing,
  useSessionImport,
  type ImportOrigin,
} from './session-import-store';

/**
 * How the last session import went, in the place it was started from. A session whose images are not all
 * here imports nothing yet: it says how many are missing and offers to choose them, or to go without.
 */
export function SessionImportNotice({ origin }: { origin: ImportOrigin }) {
  const { t, lang } = useI18n();
  const engine = useCardlens();
  const state = useSessionImport(origin);
  const inputId = useId();
  if (!state) return null;
  if (state.kind === 'reading')
    return (
      <p className="notice" role="status">
        {t('importReading')}
      </p>
    );
  if (state.kind === 'done')
    return (
      <p className="notice" role="status">
        {t('importDone', { n: state.count })}
        {state.leftOut > 0 && ` ${t('importLeftOut', { n: state.leftOut })}`}
      </p>
    );
  if (state.kind !== 'missing')
    return (
      <p className="notice notice-error" role="status">
        {state.kind === 'refused'
          ? t('importRefused', { reason: describeRefusal(state.refusal, lang) })
          : t('importProblem', { reason: state.reason })}
      </p>
    );
  const { images, missing, session } = state.opening;
  return (
    <div className="notice notice-error" role="status">
      <p className="notice-title">{t('importMissingTitle', { n: missing.length, total: session.cards.length })}</p>
      <p>{t('importMissingBody')}</p>
      <div className="notice-actions">
        <input
          id={inputId}
          type="file"
          multiple
          accept="image/png,image/jpeg"
          className="visually-hidden"
          onChange={(e) => {
            void chooseMissingImages(engine, origin, Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
        <label htmlFor={inputId} className="button-like">
          {t('importChooseImages')}
        </label>
        {images.length > 0 && (
          <button type="button" onClick={() => importWithoutMissing(engine, origin)}>
            {t('importWithoutMissing', { n: images.length })}
          </button>
        )}
        <button type="button" onClick={dismissSessionImport}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}
