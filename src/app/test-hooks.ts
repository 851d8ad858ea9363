// window.__cardlens exists only in `--mode e2e` builds: e2e specs read app state through it
// instead of poking at the canvas. Production builds drop this module entirely.
import * as Api from '@/api';
import type * as Envelope from '@/envelope';
import type { ViewerProbe } from '@/features/viewer';
import type { RemoteSandboxControl } from '@/sandbox/sandbox-worker-client';
import { sandbox } from './connections';
import { engine } from './engine';
import { prefetchViews, viewerCode } from './views';

export interface CardlensTestHooks {
  envelope: () => Promise<typeof Envelope>;
  api: () => Promise<typeof Api>;
  /** What the viewer shows and drew; opened with ?bench-canvas, also its draws timed beside plain-canvas twins. */
  viewer: () => ViewerProbe | null;
  /** Resolves once the deferred screens' code is loaded (the viewer's canvas too), as it is by the time a visitor drops a file. */
  viewerCode: () => Promise<void>;
  /** The in-browser sandbox's controls (latency, faults), for benchmarks. */
  sandbox: () => Promise<RemoteSandboxControl>;
}

declare global {
  interface Window {
    __cardlens?: CardlensTestHooks;
  }
}

export function installTestHooks(): void {
  window.__cardlens = {
    // Imported when asked for: a static import would put the envelope in every build's first chunk.
    envelope: () => import('@/envelope'),
    api: () => Promise.resolve(Api),
    viewer: () => viewerCode.current()?.readViewerState() ?? null,
    viewerCode: () =>
      Promise.all([prefetchViews(), engine.prefetch(), viewerCode.load().then((m) => m.prefetchCardCanvas())]).then(
        () => undefined,
      ),
    sandbox: () => sandbox.load().then((s) => s.control),
  };
}
