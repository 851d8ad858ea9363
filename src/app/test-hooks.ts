// window.__cardlens exists only in `--mode e2e` builds: e2e specs read app state through it
// instead of poking at the canvas. Production builds drop this module entirely.
import type * as Api from '@/api';
import type * as Envelope from '@/envelope';

export interface CardlensTestHooks {
  envelope: () => Promise<typeof Envelope>;
  api: () => Promise<typeof Api>;
}

declare global {
  interface Window {
    __cardlens?: CardlensTestHooks;
  }
}

export function installTestHooks(): void {
  window.__cardlens = { envelope: () => import('@/envelope'), api: () => import('@/api') };
}
