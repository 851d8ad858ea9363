import type { registerSW } from 'virtual:pwa-register';
import { createListeners } from '@/lib/listeners';

/**
 * Where a new version of the app stands in this tab:
 * - `none`: nothing new;
 * - `waiting`: installed, waiting until this page asks for it (it never swaps in by itself);
 * - `ready`: it already controls this page (another tab asked for it, or the reload was refused by the
 *   leave guard's question), and a reload runs it.
 */
export type UpdateState = 'none' | 'waiting' | 'ready';

/** virtual:pwa-register's export: registers the service worker, returns "activate the waiting one". */
export type RegisterSW = typeof registerSW;

/** What the store needs of navigator.serviceWorker. */
export interface WorkerContainer {
  readonly controller: object | null;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}

export interface UpdateStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => UpdateState;
  /** Registers the service worker once and follows its updates. */
  register: (registerSW: RegisterSW) => void;
  /** Runs the new version: activates the waiting one (then reloads), or reloads when it is already in. */
  update: () => void;
}

/** A tab left open all day still hears of a deploy: the browser itself looks only when a page is opened. */
const CHECK_EVERY_MS = 60 * 60 * 1000;

export interface UpdateStoreOptions {
  reload?: () => void;
  container?: WorkerContainer;
  every?: (check: () => void, ms: number) => void;
}

export function createUpdateStore({
  reload = () => window.location.reload(),
  container = globalThis.navigator?.serviceWorker,
  every = (check, ms) => void setInterval(check, ms),
}: UpdateStoreOptions = {}): UpdateStore {
  let state: UpdateState = 'none';
  let activate: ((reloadPage?: boolean) => Promise<void>) | null = null;
  let asked = false;
  const { subscribe, notify } = createListeners();
  const set = (next: UpdateState) => {
    state = next;
    notify();
  };
  return {
    subscribe,
    getSnapshot: () => state,
    register(registerSW) {
      if (activate) return;
      // Followed here rather than through registerSW's onNeedReload, which Workbox never calls in a page that
      // had no worker when it loaded (a first visit), however long it stays open.
      let previous = container?.controller ?? null;
      container?.addEventListener('controllerchange', () => {
        const firstClaim = previous === null && state === 'none';
        previous = container.controller;
        if (firstClaim) return;
        // A new version took over. Only the tab that asked reloads; any other may be mid-batch, so it
        // offers the reload instead. Should the leave guard's question keep the page, a click reloads.
        set('ready');
        if (asked) reload();
      });
      activate = registerSW({
        onNeedRefresh: () => set('waiting'),
        onNeedReload: () => undefined,
        // Rare (a deploy without sw.js, a browser that refuses workers here), and worth a line for whoever looks.
        onRegisterError: (error: unknown) => console.warn('Cardlens will not work offline: no service worker.', error),
        onRegisteredSW: (_url, registration) =>
          registration &&
          every(() => {
            if (globalThis.navigator?.onLine !== false) registration.update().catch(() => undefined);
          }, CHECK_EVERY_MS),
      });
    },
    update() {
      if (state === 'ready') return reload();
      if (state !== 'waiting' || !activate) return;
      asked = true;
      void activate(true);
    },
  };
}

/** The app's one store; src/main.tsx registers the service worker into it. */
export const updateStore = createUpdateStore();
