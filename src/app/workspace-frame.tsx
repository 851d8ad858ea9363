import type { ReactNode } from 'react';
import type { AnalysisKind, SampleEntry } from '@/api';
import { DropZone, SampleGallery, ServicePicker, usePageDrop } from '@/features/analyze';
import { DeviceChecksSettings, type DeviceChecks } from '@/features/analyze/device-checks';
import { useI18n } from '@/ui/i18n';

// The page below the header, in pieces the first screen and the workspace (its code arrives after the
// first paint: app.tsx) both draw, so the page looks the same before and after it arrives.

export type View = 'card' | 'batch' | 'report';

/** What the page remembers whichever screen draws it: the visitor's choices and where files go. */
export interface PageChoices {
  kind: AnalysisKind;
  onKind: (kind: AnalysisKind) => void;
  presentation: boolean;
  checks: DeviceChecks;
  onChecks: (change: Partial<DeviceChecks>) => void;
  view: View;
  onView: (view: View) => void;
  onFiles: (files: File[]) => void;
  onPick: (entry: SampleEntry) => void;
}

/** The left column and the centre, with the whole of it a drop target. */
export function WorkspaceFrame({
  onFiles,
  left,
  centre,
}: {
  onFiles: (files: File[]) => void;
  left: ReactNode;
  centre: ReactNode;
}) {
  const { t } = useI18n();
  // The rest of the page takes files too: the empty viewer says "drop a card".
  const { dropTargetProps, dragging } = usePageDrop(onFiles);
  return (
    <div {...dropTargetProps({ className: `workspace${dragging ? ' dragging' : ''}` })}>
      <nav className="left" aria-label={t('queue')}>
        {left}
      </nav>
      <main className="centre">{centre}</main>
    </div>
  );
}

/** Which service, the drop zone and the device checks. */
export function CardIntake({ kind, onKind, presentation, checks, onChecks }: PageChoices) {
  return (
    <>
      <ServicePicker value={kind} onChange={onKind} />
      <DropZone />
      {!presentation && <DeviceChecksSettings checks={checks} onChange={onChecks} />}
    </>
  );
}

/** Card, batch (once there are cards) and report; `children` go at the row's end. */
export function ViewTabs({
  view,
  onView,
  cards,
  children,
}: {
  view: View;
  onView: (view: View) => void;
  cards: number;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const tab = (name: View, label: string) => (
    <button type="button" role="tab" aria-selected={view === name} onClick={() => onView(name)}>
      {label}
    </button>
  );
  return (
    <div className="view-switch" role="tablist" aria-label={t('view')}>
      {tab('card', t('card'))}
      {cards > 0 && tab('batch', `${t('batch')} (${cards})`)}
      {tab('report', t('report'))}
      <span className="spacer" />
      {children}
    </div>
  );
}

/** No card yet: say so, and offer the specimens. */
export function EmptyState({ onPick }: { onPick: (entry: SampleEntry) => void }) {
  const { t } = useI18n();
  return (
    <div className="empty-state">
      <p className="lead">{t('emptyViewer')}</p>
      <SampleGallery onPick={onPick} />
    </div>
  );
}

/** Shown while a screen's code arrives: a polite status, brief on a warm cache. */
export function ScreenLoading() {
  const { t } = useI18n();
  return (
    <p className="screen-loading hint" role="status">
      {t('loading')}
    </p>
  );
}
