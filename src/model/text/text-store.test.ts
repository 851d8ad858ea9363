import { describe, expect, it } from 'vitest';
import type { FirstMessages, MoreMessages } from './message-keys';
import { EN, KO } from './messages';
import { EN_FIRST } from './messages-en';
import { KO_FIRST } from './messages-ko';
import { EN_MORE } from './more-messages-en';
import { KO_MORE } from './more-messages-ko';
import { createTextStore, type Lang } from './text-store';

interface Pending<T> {
  lang: Lang;
  resolve: (m: T) => void;
  reject: (e: Error) => void;
}

/** Tables whose parts arrive (or fail) when the test says so. */
function controlledLoads() {
  const first: Pending<FirstMessages>[] = [];
  const more: Pending<MoreMessages>[] = [];
  const tables = {
    first: (lang: Lang) => new Promise<FirstMessages>((resolve, reject) => first.push({ lang, resolve, reject })),
    more: (lang: Lang) => new Promise<MoreMessages>((resolve, reject) => more.push({ lang, resolve, reject })),
  };
  return { tables, first, more };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A store showing all of English; `first` and `more` hold the loads asked for after. */
async function showingEnglish() {
  const loads = controlledLoads();
  const store = createTextStore(loads.tables, 'en');
  store.ask('en');
  loads.first.shift()!.resolve(EN_FIRST);
  await settle();
  loads.more.shift()!.resolve(EN_MORE);
  await settle();
  return { store, ...loads };
}

describe('createTextStore', () => {
  it('shows nothing until the first part arrives, then the first screen’s text, then all of it', async () => {
    const { tables, first, more } = controlledLoads();
    const store = createTextStore(tables, 'ko');
    store.ask('ko');
    expect(store.get()).toMatchObject({ asked: 'ko', shown: null, failed: false });
    expect(more).toEqual([]); // the rest waits for the first part: it must not hold up the first paint
    first[0].resolve(KO_FIRST);
    await settle();
    expect(store.get().shown).toEqual({ lang: 'ko', messages: KO_FIRST, complete: false });
    expect(more.map((m) => m.lang)).toEqual(['ko']);
    more[0].resolve(KO_MORE);
    await settle();
    expect(store.get().shown).toEqual({ lang: 'ko', messages: KO, complete: true });
  });

  it('says when the rest fails to arrive, keeps the first screen’s text, and asks again on retry', async () => {
    const { tables, first, more } = controlledLoads();
    const store = createTextStore(tables, 'en');
    store.ask('en');
    first[0].resolve(EN_FIRST);
    await settle();
    more[0].reject(new Error('offline'));
    await settle();
    expect(store.get()).toMatchObject({ shown: { lang: 'en', complete: false }, moreFailed: true, failed: false });
    store.retryMore();
    expect(store.get().moreFailed).toBe(false);
    more[1].resolve(EN_MORE);
    await settle();
    expect(store.get().shown).toEqual({ lang: 'en', messages: EN, complete: true });
  });

  it('completes the language on screen when another is asked for before its rest arrived, and fails', async () => {
    const { tables, first, more } = controlledLoads();
    const store = createTextStore(tables, 'en');
    store.ask('en');
    first[0].resolve(EN_FIRST);
    await settle();
    store.ask('ko');
    first[1].reject(new Error('offline'));
    more[0].resolve(EN_MORE); // English's rest, asked for before Korean
    await settle();
    expect(store.get()).toMatchObject({ asked: 'en', failed: true, shown: { lang: 'en', complete: true } });
  });

  it('shows a language chosen later only when both its parts are here', async () => {
    const { store, first, more } = await showingEnglish();
    store.ask('ko');
    first[0].resolve(KO_FIRST);
    await settle();
    expect(store.get().shown?.lang).toBe('en');
    more[0].resolve(KO_MORE);
    await settle();
    expect(store.get().shown).toEqual({ lang: 'ko', messages: KO, complete: true });
  });

  it('lets only the latest choice land when tables arrive out of order', async () => {
    const { store, first, more } = await showingEnglish();
    store.ask('ko');
    store.ask('en');
    first[1].resolve(EN_FIRST);
    more[1].resolve(EN_MORE);
    first[0].resolve(KO_FIRST); // the Korean text, asked for first, arrives last
    more[0].resolve(KO_MORE);
    await settle();
    expect(store.get()).toMatchObject({ asked: 'en', shown: { lang: 'en', complete: true } });
  });

  it('keeps the text on screen when a language fails, and says so', async () => {
    const { store, first, more } = await showingEnglish();
    store.ask('ko');
    expect(store.get().asked).toBe('ko');
    first[0].reject(new Error('offline'));
    more[0].resolve(KO_MORE);
    await settle();
    expect(store.get()).toMatchObject({ asked: 'en', shown: { lang: 'en' }, failed: true });
    store.ask('ko'); // asked again: a retry
    expect(store.get().failed).toBe(false);
    first[1].resolve(KO_FIRST);
    more[1].resolve(KO_MORE);
    await settle();
    expect(store.get().shown?.lang).toBe('ko');
  });

  it('notifies subscribers of every change', async () => {
    const { tables, first, more } = controlledLoads();
    const store = createTextStore(tables, 'en');
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.ask('en');
    first[0].resolve(EN_FIRST);
    await settle();
    more[0].resolve(EN_MORE);
    await settle();
    expect(calls).toBe(3);
    stop();
    store.ask('ko');
    expect(calls).toBe(3);
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

  it('split the same way: the first screen’s part holds the same keys in both, and no key is in both parts', () => {
    expect(Object.keys(KO_FIRST).sort()).toEqual(Object.keys(EN_FIRST).sort());
    expect(Object.keys(EN_FIRST).filter((key) => key in EN_MORE)).toEqual([]);
  });
});

describe('the words of the tables', () => {
  it('names forgetting the keys and clearing finished cards with different words in Korean', () => {
    const words = (text: string) => new Set(text.split(/\s+/));
    const clear = words(KO_MORE.clearQueue);
    expect([...words(KO_MORE.forget)].filter((word) => clear.has(word))).toEqual([]);
    expect([...words(EN_MORE.forget)].filter((word) => words(EN_MORE.clearQueue).has(word))).toEqual([]);
  });
});
