import { lazy, Suspense, useState, type ComponentType } from 'react';
import { prefetchClient } from '@/api';
import { loadBatchScreen } from '@/features/analyze';
import { loadConnectionPanel } from '@/features/connection';
import { loadReviewScreens } from '@/features/review';
import { loadViewer, type ViewerProbe, type ViewerProps } from '@/features/viewer';
import { deferred, useLoaded, type Deferred } from './deferred-code';
import { ScreenLoading } from './workspace-frame';

// The workspace's screens: each is fetched when it is first shown, or before that while the browser is
// idle after the first paint (workspace-code.ts), so that the first drop does not wait for it.
// scripts/production-build.test.ts keeps them out of the entry chunk.

/**
 * A screen whose code is loaded when it is first rendered, saying so meanwhile; when its code is here
 * already, as after the idle prefetch, it renders at once, with no fallback to show and take down.
 * When the code fails to arrive, the error boundary above shows it, and rendering the screen again
 * asks for it again.
 */
function screen<P extends object>(code: Deferred<ComponentType<P>>): ComponentType<P> {
  const make = () =>
    lazy(() =>
      code.load().then(
        (component) => ({ default: component }),
        (error: unknown) => {
          Lazy = make();
          throw error;
        },
      ),
    );
  let Lazy = make();
  return function DeferredScreen(props: P) {
    const [Loaded] = useState(() => code.current());
    if (Loaded) return <Loaded {...props} />;
    return (
      <Suspense fallback={<ScreenLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}

// The screens that keep server state in TanStack Query get its client with them (queries.tsx).
const queries = deferred(() => import('./queries'));
const viewer = deferred(loadViewer);
const batch = deferred(loadBatchScreen);
const review = deferred(loadReviewScreens);
const connection = deferred(loadConnectionPanel);

const screens = {
  // The inspector's authenticity tab is a screen of its own, which the viewer is given here.
  viewer: deferred(() =>
    Promise.all([viewer.load(), queries.load(), import('@/features/authenticity')]).then(([m, q, a]) =>
      q.withQueries((props: Omit<ViewerProps, 'Authenticity'>) => (
        <m.Viewer {...props} Authenticity={a.AuthenticityPanel} />
      )),
    ),
  ),
  batch: deferred(() => batch.load().then((m) => m.BatchPanel)),
  report: deferred(() => review.load().then((m) => m.ReportView)),
  session: deferred(() => review.load().then((m) => m.SessionControls)),
  connection: deferred(() =>
    Promise.all([connection.load(), queries.load()]).then(([m, q]) => q.withQueries(m.ConnectionPanel)),
  ),
};

export const Viewer = screen(screens.viewer);
export const BatchPanel = screen(screens.batch);
export const ReportView = screen(screens.report);
export const SessionControls = screen(screens.session);
export const ConnectionPanel = screen(screens.connection);

/** The batch table's code once loaded, else null: it orders the rows by what the cards read. */
export const useBatchCode = () => useLoaded(batch);

/** What the viewer shows, once its code has loaded (test builds read it through window.__cardlens). */
export const readViewerState = (): ViewerProbe | null => viewer.current()?.readViewerState() ?? null;

/** Loads every deferred screen, the viewer's canvas and the client too. Never rejects: a screen that failed loads again when shown. */
export function loadDeferred(): Promise<void> {
  return Promise.allSettled([
    viewer.load().then((m) => m.prefetchCardCanvas()),
    ...Object.values(screens).map((code) => code.load()),
    prefetchClient(),
  ]).then(() => undefined);
}
