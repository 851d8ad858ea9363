import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import type { AnalysisKind, SampleEntry } from '@/api';
import { DropZone } from '@/features/analyze/drop-zone';
import { QueueList } from '@/features/analyze/queue-list';
import { SampleGallery, sampleFile } from '@/features/analyze/sample-gallery';
import { ServicePicker } from '@/features/analyze/service-picker';
import { useAnalysisQueue } from '@/features/analyze/use-analysis-queue';
import { ConnectionProvider, useConnection } from '@/features/connection/connection-context';
import { ConnectionPanel } from '@/features/connection/connection-panel';
import { I18nProvider, useI18n } from '@/features/shared/i18n';
import { Viewer } from '@/features/viewer/viewer';
import { createClient, loadSandbox } from './client-factory';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false }, mutations: { retry: false } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <ConnectionProvider createClient={createClient}>
          <Workspace />
        </ConnectionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

function Workspace() {
  const { t, lang, setLang } = useI18n();
  const { settings, panelOpen, setPanelOpen } = useConnection();
  const [kind, setKind] = useState<AnalysisKind>('credit-card');
  const [presentation, setPresentation] = useState(false);
  const queue = useAnalysisQueue();

  // The sandbox is the default connection: make its keys while the visitor reads the page.
  useEffect(() => {
    if (settings.endpoint !== 'sandbox') return;
    const warm = () => void loadSandbox().catch(() => undefined);
    if ('requestIdleCallback' in window) window.requestIdleCallback(warm);
    else setTimeout(warm, 200);
  }, [settings.endpoint]);

  const onFiles = useCallback((files: File[]) => queue.addFiles(files, kind), [queue, kind]);
  const onSample = useCallback(
    async (entry: SampleEntry) => {
      const sampleKind: AnalysisKind =
        entry.service === 'credit-card' ? 'credit-card' : kind === 'id-card-stand-alone' ? kind : 'id-card';
      setKind(sampleKind);
      queue.addFiles([await sampleFile(entry)], sampleKind);
    },
    [queue, kind],
  );

  const endpointLabel =
    settings.endpoint === 'sandbox'
      ? t('endpointSandbox')
      : settings.endpoint === 'custom'
        ? settings.customUrl || t('endpointCustom')
        : t(
            settings.endpoint === 'nhn'
              ? 'endpointNhn'
              : settings.endpoint === 'nhn-legacy'
                ? 'endpointNhnLegacy'
                : 'endpointDevProxy',
          );

  return (
    <div className={`app${presentation ? ' presentation' : ''}`}>
      <header className="app-header">
        <h1>Cardlens</h1>
        <span className="tagline">{t('appTagline')}</span>
        <button
          type="button"
          className="connection-status"
          aria-expanded={panelOpen}
          aria-controls="connection-panel"
          onClick={() => setPanelOpen(!panelOpen)}
        >
          <span className={`dot ${settings.endpoint === 'sandbox' ? 'sandbox' : 'live'}`} aria-hidden="true" />
          {t('connection')}: {presentation && settings.endpoint !== 'sandbox' ? t('endpointNhn') : endpointLabel}
        </button>
        <div className="header-tools">
          <label className="inline">
            <span className="visually-hidden">{t('language')}</span>
            <select aria-label={t('language')} value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'ko')}>
              <option value="en">English</option>
              <option value="ko">한국어</option>
            </select>
          </label>
          <label className="inline toggle">
            <input type="checkbox" checked={presentation} onChange={(e) => setPresentation(e.target.checked)} />
            {t('presentationMode')}
          </label>
        </div>
      </header>
      <div className="workspace">
        <nav className="left" aria-label={t('queue')}>
          <ServicePicker value={kind} onChange={setKind} />
          <DropZone onFiles={onFiles} />
          <QueueList
            items={queue.items}
            selectedId={queue.selected?.id ?? null}
            onSelect={queue.select}
            onRetry={queue.retry}
            onClear={queue.clearFinished}
          />
          {queue.selected && <SampleGallery compact onPick={(entry) => void onSample(entry)} />}
          {panelOpen && !presentation && (
            <div id="connection-panel">
              <ConnectionPanel />
            </div>
          )}
        </nav>
        <main className="centre">
          {queue.selected ? (
            <Viewer
              item={queue.selected}
              presentation={presentation}
              onCancel={queue.cancel}
              onRetry={queue.retry}
              onOpenConnection={() => setPanelOpen(true)}
            />
          ) : (
            <div className="empty-state">
              <p className="lead">{t('emptyViewer')}</p>
              <SampleGallery onPick={(entry) => void onSample(entry)} />
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
