import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import type { SampleEntry, SampleManifest } from '@/api';
import { useI18n } from '@/features/shared';
import { THUMBNAIL_WIDTH, thumbnailFile } from './sample-paths';

const samplesUrl = (file: string) => `${import.meta.env.BASE_URL}samples/${file}`;

export function sampleManifestOptions() {
  return {
    queryKey: ['samples', 'manifest'] as const,
    queryFn: async (): Promise<SampleManifest> => {
      const response = await fetch(samplesUrl('manifest.json'));
      if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
      return (await response.json()) as SampleManifest;
    },
    staleTime: Infinity,
  };
}

export async function sampleFile(entry: SampleEntry): Promise<File> {
  const response = await fetch(samplesUrl(entry.file));
  const type = entry.file.endsWith('.png') ? 'image/png' : 'image/jpeg';
  return new File([await response.blob()], entry.file, { type });
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
  const manifest = useQuery(sampleManifestOptions());
  return (
    <section
      className={`sample-gallery${compact ? ' compact' : ''}`}
      aria-labelledby={compact ? 'samples-title-compact' : 'samples-title'}
    >
      <h2 id={compact ? 'samples-title-compact' : 'samples-title'}>{t('samplesTitle')}</h2>
      {!compact && <p className="hint">{t('samplesHint')}</p>}
      {manifest.isPending && <p>{t('loading')}</p>}
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
