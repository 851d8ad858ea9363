import { describe, expect, it } from 'vitest';
import type { QueueItem } from '@/engine/queue/queue-item';
import { updateOffer } from './update-prompt';
import { createUpdateStore, type RegisterSW } from './update-prompt-store';

type Options = Parameters<RegisterSW>[0] & {};

/**
 * A service worker registration played by hand: `worker.waiting()` as an update installs, `worker.takesOver()`
 * as a worker starts controlling the page (the first visit's claim, or a new version).
 */
function setUp({ controlled = true } = {}) {
  const calls = { registered: 0, activated: 0, reloaded: 0, updateChecks: 0 };
  let options: Options = {};
  const registerSW: RegisterSW = (given) => {
    calls.registered++;
    options = given ?? {};
    return () => {
      calls.activated++;
      return Promise.resolve();
    };
  };
  const events = new EventTarget();
  const container = {
    controller: controlled ? {} : null,
    addEventListener: (type: 'controllerchange', listener: () => void) => events.addEventListener(type, listener),
  };
  let check = () => undefined as unknown;
  const store = createUpdateStore({
    reload: () => void calls.reloaded++,
    container,
    every: (fn) => void (check = fn),
  });
  store.register(registerSW);
  const registration = {
    update: () => Promise.resolve(void calls.updateChecks++),
  } as unknown as ServiceWorkerRegistration;
  options.onRegisteredSW?.('/sw.js', registration);
  const worker = {
    waiting: () => options.onNeedRefresh?.(),
    takesOver: () => {
      container.controller = {};
      // What registerSW itself would do when Workbox saw the update: nothing, for the store follows it.
      options.onNeedReload?.();
      events.dispatchEvent(new Event('controllerchange'));
    },
    hourPasses: () => check(),
  };
  return { store, calls, worker, registerSW };
}

describe('the update store', () => {
  it('has nothing to offer until a new version waits, and registers once', () => {
    const { store, calls, registerSW } = setUp();
    store.register(registerSW);
    expect(calls.registered).toBe(1);
    expect(store.getSnapshot()).toBe('none');
    store.update();
    expect(calls).toMatchObject({ activated: 0, reloaded: 0 });
  });

  it('activates a waiting version only when asked, then reloads once it has taken over', () => {
    const { store, calls, worker } = setUp();
    const seen: string[] = [];
    store.subscribe(() => seen.push(store.getSnapshot()));
    worker.waiting();
    expect(store.getSnapshot()).toBe('waiting');
    expect(calls.activated).toBe(0);
    store.update();
    expect(calls).toMatchObject({ activated: 1, reloaded: 0 });
    worker.takesOver();
    expect(calls.reloaded).toBe(1);
    expect(seen).toEqual(['waiting', 'ready']);
  });

  it('a reload the leave guard kept back is offered again, and the next click only reloads', () => {
    const { store, calls, worker } = setUp();
    worker.waiting();
    store.update();
    worker.takesOver();
    store.update();
    expect(calls).toMatchObject({ activated: 1, reloaded: 2 });
  });

  it('never reloads a tab that did not ask: another tab’s update is offered here instead', () => {
    const { store, calls, worker } = setUp();
    worker.waiting();
    worker.takesOver();
    expect(calls.reloaded).toBe(0);
    expect(store.getSnapshot()).toBe('ready');
    store.update();
    expect(calls).toMatchObject({ activated: 0, reloaded: 1 });
  });
});

describe('the update store, in a tab opened before any worker (a first visit)', () => {
  it('takes the first worker taking the page over for what it is, not a new version', () => {
    const { store, calls, worker } = setUp({ controlled: false });
    worker.takesOver();
    expect(store.getSnapshot()).toBe('none');
    expect(calls.reloaded).toBe(0);
  });

  it('then activates and reloads a later version like any tab', () => {
    const { store, calls, worker } = setUp({ controlled: false });
    worker.takesOver();
    worker.waiting();
    store.update();
    worker.takesOver();
    expect(calls).toMatchObject({ activated: 1, reloaded: 1 });
  });

  it('looks for a new version every hour, since the browser looks only when a page is opened', () => {
    const { calls, worker } = setUp({ controlled: false });
    worker.hourPasses();
    worker.hourPasses();
    expect(calls.updateChecks).toBe(2);
  });
});

describe('when "Reload to update" is offered', () => {
  const item = (status: QueueItem['status'], exported = false) => ({ status, exported }) as QueueItem;

  it('not while any card is being checked, waits for a slot or is in flight: then it only says a version waits', () => {
    for (const status of ['checking', 'queued', 'working'] as const)
      expect(updateOffer('waiting', [item('done', true), item(status)]), status).toEqual({ reload: false });
  });

  it('once nothing is on its way, saying when results not yet exported would be lost', () => {
    expect(updateOffer('waiting', [])).toEqual({ reload: true, unexported: false });
    expect(updateOffer('ready', [item('done', true), item('failed'), item('held')])).toEqual({
      reload: true,
      unexported: false,
    });
    expect(updateOffer('waiting', [item('done'), item('cancelled')])).toEqual({ reload: true, unexported: true });
  });

  it('never when there is no new version', () => {
    expect(updateOffer('none', [item('done')])).toBeNull();
  });
});
