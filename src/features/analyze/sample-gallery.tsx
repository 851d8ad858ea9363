import { memo, useEffect, useState } from 'react';
import type { SampleEntry, SampleManifest } from '@/api';
import { useI18n } from '@/ui/i18n';
import { THUMBNAIL_WIDTH, thumbnailFile } from './sample-paths';

const samplesUrl = (file: string) => `${import.meta.env.BASE_URL}samples/${file}`;

// The specimens' list, fetched once a page. A static file: it needs no query layer, and the first screen
// carries none.
let loaded: SampleManifest | null = null;
let loading: Promise<SampleManifest> | null = null;

export function loadManifest(): Promise<SampleManifest> {
  loading ??= fetch(samplesUrl('manifest.json')).then(async (response) => {
    if (!response.ok) throw new Error(`manifest: HTTP ${response.status}`);
    return (loaded = (await response.json()) as SampleManifest);
  });
  loading.catch(() => (loading = null)); // the next gallery shown tries again
  return loading;
}

function useSampleManifest(): { data?: SampleManifest; error?: Error } {
  const [state, setState] = useState<{ data?: SampleManifest; error?: Error }>(() => (loaded ? { data: loaded } : {}));
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadManifest().then(
      (data) => {
        if (live) setState({ data });
      },
      (error: unknown) => {
        if (live) setState({ error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
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
