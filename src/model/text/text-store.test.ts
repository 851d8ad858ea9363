import { describe, expect, it } from 'vitest';
import type { Messages } from './messages';
import { EN } from './messages-en';
import { KO } from './messages-ko';
import { createTextStore, type Lang } from './text-store';

/** A loader whose tables arrive (or fail) when the test says so. */
function controlledLoads() {
  const pending: { lang: Lang; resolve: (m: Messages) => void; reject: (e: Error) => void }[] = [];
  const load = (lang: Lang) => new Promise<Messages>((resolve, reject) => pending.push({ lang, resolve, reject }));
  return { load, pending };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store showing English, its first table arrived; `pending` holds the loads asked for after. */
async function showingEnglish() {
  const { load, pending } = controlledLoads();
  const store = createTextStore(load, 'en');
  store.ask('en');
  pending.shift()!.resolve(EN);
  await settle();
  return { store, pending };
}

describe('createTextStore', () => {
  it('shows nothing until the first table arrives, then that language', async () => {
    const { load, pending } = controlledLoads();
    const store = createTextStore(load, 'ko');
    store.ask('ko');
    expect(store.get()).toMatchObject({ asked: 'ko', shown: null, failed: false });
    pending[0].resolve(KO);
    await settle();
    expect(store.get().shown).toEqual({ lang: 'ko', messages: KO });
  });

  it('lets only the latest choice land when tables arrive out of order', async () => {
    const { store, pending } = await showingEnglish();
    store.ask('ko');
    store.ask('en');
    pending[1].resolve(EN);
    pending[0].resolve(KO); // the Korean table, asked for first, arrives last
    await settle();
    expect(store.get()).toMatchObject({ asked: 'en', shown: { lang: 'en' } });
  });

  it('keeps the text on screen when a table fails, and says so', async () => {
    const { store, pending } = await showingEnglish();
    store.ask('ko');
    expect(store.get().asked).toBe('ko');
    pending[0].reject(new Error('offline'));
    await settle();
    expect(store.get()).toMatchObject({ asked: 'en', shown: { lang: 'en' }, failed: true });
    store.ask('ko'); // asked again: a retry
    expect(store.get().failed).toBe(false);
    pending[1].resolve(KO);
    await settle();
    expect(store.get().shown?.lang).toBe('ko');
  });

  it('notifies subscribers of every change', async () => {
    const { load, pending } = controlledLoads();
    const store = createTextStore(load, 'en');
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.ask('en');
    pending[0].resolve(EN);
    await settle();
    expect(calls).toBe(2);
    stop();
    store.ask('ko');
    expect(calls).toBe(2);
  });
});

describe('the two tables', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('say the same things: every key in both, with the same {placeholders}, none empty', () => {
    expect(Object.keys(KO).sort()).toEqual(Object.keys(EN).sort());
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      expect(placeholders(KO[key]), key).toEqual(placeholders(EN[key]));
      expect(EN[key].trim(), key).not.toBe('');
      expect(KO[key].trim(), key).not.toBe('');
    }
  });
});
