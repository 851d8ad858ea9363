import type { ComponentProps } from 'react';
import type { Cardlens } from '@/engine/cardlens';
import { loadBatchScreen, loadQueueList } from '@/features/analyze';
import { lazyResource } from '@/lib/lazy-resource';
import { lazyView } from '@/ui/lazy-view';

// The screens that come after the first one, each fetched the first time it is shown or while the
// browser is idle after the first paint (shell.tsx). scripts/production-build.test.ts keeps them out of
// the first screen's chunks. Screens that keep server state in TanStack Query get its client with them.

const queries = () => import('./queries');
/** The viewer's module, also read by the e2e build's test hooks for what the viewer drew. */
export const viewerCode = lazyResource(() => import('@/features/viewer').then((m) => m.loadViewer()));

type ViewerModule = Awaited<ReturnType<typeof viewerCode.load>>;
type ViewerProps = Omit<ComponentProps<ViewerModule['Viewer']>, 'Authenticity'>;

export const Viewer = lazyView(() =>
  Promise.all([viewerCode.load(), queries(), import('@/features/authenticity')]).then(([viewer, q, authenticity]) => {
    void viewer.prefetchCardCanvas();
    // The inspector's authenticity tab is a screen of its own, which the viewer is given here.
    return q.withQueries((props: ViewerProps) => (
      <viewer.Viewer {...props} Authenticity={authenticity.AuthenticityPanel} />
    ));
  }),
);

// The analyze feature's index is the first screen's already (the drop zone, the queue): only its batch
// table comes later.
export const BatchPanel = lazyView(() => loadBatchScreen().then((m) => m.BatchPanel));
export const QueueList = lazyView(() => loadQueueList().then((m) => m.QueueList));
/** Asked only after a drop, so it comes with the batch table's code. */
export const RepeatsDialog = lazyView(() => loadBatchScreen().then((m) => m.RepeatsDialog));

/** Opened by Use camera: the live view, its worker and its guidance arrive then. */
export const CameraView = lazyView(() =>
  import('@/features/camera').then((m) => m.loadCameraView().then((view) => view.CameraView)),
);

const reviewScreens = () => import('@/features/review').then((m) => m.loadReviewScreens());
export const ReportView = lazyView(() => reviewScreens().then((m) => m.ReportView));
export const SessionControls = lazyView(() => reviewScreens().then((m) => m.SessionControls));
export const SessionImportNotice = lazyView(() => reviewScreens().then((m) => m.SessionImportNotice));
/** A session dropped on the first screen: the code that reads it (and the ZIP's) arrives only now. */
export const importDroppedSession = (engine: Cardlens, files: readonly File[]) =>
  reviewScreens().then((m) => m.importSession(engine, files, 'drop'));

export const ConnectionPanel = lazyView(() =>
  Promise.all([import('@/features/connection').then((m) => m.loadConnectionPanel()), queries()]).then(([m, q]) =>
    q.withQueries(m.ConnectionPanel),
  ),
);

/** Fetches every later screen's code; never rejects (a screen that failed loads again when shown). */
export const prefetchViews = (): Promise<void> =>
  Promise.all(
    [Viewer, QueueList, BatchPanel, ReportView, SessionControls, ConnectionPanel].map((view) => view.prefetch()),
  ).then(() => undefined);
