import { useEffect, useState } from 'react';
import { useI18n } from '@/ui/i18n';
import type { ReaderDownload } from '@/reader-service';
import { megabytes } from '@/lib/byte-size';
import { deviceReader } from './reader';

/** The on-device reader's first download, shown while it runs; the browser caches it after. */
export function ReaderDownloadBar({ active }: { active: boolean }) {
  const { t } = useI18n();
  const [progress, setProgress] = useState<ReaderDownload | null>(null);
  useEffect(() => {
    if (!active) return;
    return deviceReader.onDownload(setProgress);
  }, [active]);
  if (!active || !progress || progress.total === 0 || progress.loaded >= progress.total) return null;
  return (
    <div className="reader-download" role="status">
      <label>
        {t('readerDownloading', { loaded: megabytes(progress.loaded), total: megabytes(progress.total) })}
        <progress value={progress.loaded} max={progress.total} />
      </label>
    </div>
  );
}
