import { describe, expect, it } from 'vitest';
import type { QueueItem } from '@/features/analyze';
import { updateOffer } from './update-prompt';
import { createUpdateStore, type RegisterSW } from './update-prompt-store';

type Options = Parameters<RegisterSW>[0] & {};

/** A service worker registration played by hand: `worker.waiting()` as an update installs, and so on. */
function setUp() {
  const calls = { registered: 0, activated: 0, reloaded: 0 };
  let options: Options = {};
  const registerSW: RegisterSW = (given) => {
    calls.registered++;
    options = given ?? {};
    return () => {
      calls.activated++;
      return Promise.resolve();
    };
  };
  const store = createUpdateStore({ reload: () => void calls.reloaded++ });
  store.register(registerSW);
  const worker = { waiting: () => options.onNeedRefresh?.(), tookOver: () => options.onNeedReload?.() };
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
    worker.tookOver();
    expect(calls.reloaded).toBe(1);
    expect(seen).toEqual(['waiting', 'ready']);
  });

  it('a reload the leave guard kept back is offered again, and the next click only reloads', () => {
    const { store, calls, worker } = setUp();
    worker.waiting();
    store.update();
    worker.tookOver();
    store.update();
    expect(calls).toMatchObject({ activated: 1, reloaded: 2 });
  });

  it('never reloads a tab that did not ask: another tab’s update is offered here instead', () => {
    const { store, calls, worker } = setUp();
    worker.waiting();
    worker.tookOver();
    expect(calls.reloaded).toBe(0);
    expect(store.getSnapshot()).toBe('ready');
    store.update();
    expect(calls).toMatchObject({ activated: 0, reloaded: 1 });
  });
});

describe('when "Reload to update" is offered', () => {
  const item = (status: QueueItem['status'], exported = false) => ({ status, exported }) as QueueItem;

  it('not while any card is being checked, waits for a slot or is in flight', () => {
    for (const status of ['checking', 'queued', 'working'] as const)
      expect(updateOffer('waiting', [item('done', true), item(status)]), status).toBeNull();
  });

  it('once nothing is on its way, saying when results not yet exported would be lost', () => {
    expect(updateOffer('waiting', [])).toEqual({ unexported: false });
    expect(updateOffer('ready', [item('done', true), item('failed'), item('held')])).toEqual({ unexported: false });
    expect(updateOffer('waiting', [item('done'), item('cancelled')])).toEqual({ unexported: true });
  });

  it('never when there is no new version', () => {
    expect(updateOffer('none', [])).toBeNull();
  });
});
