import { memo, useEffect, useState, useSyncExternalStore } from 'react';
import type { SampleEntry, SampleManifest } from '@/api';
import { samplesUrl, specimens } from '@/model/specimens';
import { useI18n } from '@/ui/i18n';
import { THUMBNAIL_WIDTH, thumbnailFile } from '@/model/sample-paths';

function useSampleManifest(): { data?: SampleManifest; error?: Error } {
  const data = useSyncExternalStore(specimens.subscribe, specimens.current) ?? undefined;
  const [error, setError] = useState<Error>();
  useEffect(() => {
    if (data) return;
    let live = true;
    specimens.load().catch((e: unknown) => live && setError(e instanceof Error ? e : new Error(String(e))));
    return () => {
      live = false;
    };
  }, [data]);
  return { data, error: data ? undefined : error };
}

/** The empty state: one click runs a specimen through the current connection. Memoised: the queue re-renders the page for every card of a batch. */
export const SampleGallery = memo(function SampleGallery({
  onPick,
  compact = false,
}: {
  onPick: (entry: SampleEntry) => void;
  compact?: boolean;
}) {
  const { t, pick } = useI18n();
  const manifest = useSampleManifest();
  return (
    <section
      className={`sample-gallery${compact ? ' compact' : ''}`}
      aria-labelledby={compact ? 'samples-title-compact' : 'samples-title'}
    >
      <h2 id={compact ? 'samples-title-compact' : 'samples-title'}>{t('samplesTitle')}</h2>
      {!compact && <p className="hint">{t('samplesHint')}</p>}
      {!manifest.data && !manifest.error && <p>{t('loading')}</p>}
      {manifest.error && <p className="field-error">{manifest.error.message}</p>}
      <ul>
        {manifest.data?.samples.map((entry) => (
          <li key={entry.file}>
            <button
              type="button"
              className="sample-card"
              onClick={() => onPick(entry)}
              aria-label={t('analyseSample', { title: pick(entry.title) })}
            >
              <img
                src={samplesUrl(thumbnailFile(entry.file))}
                alt=""
                loading="lazy"
                width={THUMBNAIL_WIDTH / 2}
                height={Math.round((THUMBNAIL_WIDTH / 2) * (entry.height / entry.width))}
              />
              <span>{pick(entry.title)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
