import type { Localised } from '@/api';
import { createListeners } from '@/lib/listeners';
import type { FirstMessages, Messages, MoreMessages } from './message-keys';

export type Lang = keyof Localised;

/** Where each language's text comes from: the first screen's part, and the rest. */
export interface TextTables {
  first: (lang: Lang) => Promise<FirstMessages>;
  more: (lang: Lang) => Promise<MoreMessages>;
}

export interface TextState {
  /** The language asked for last; the picker shows it. */
  asked: Lang;
  /**
   * The language on screen, once its first part has arrived; `complete` once the rest has too. The first
   * screen needs only the first part, so the page is drawn without waiting for the rest.
   */
  shown: { lang: Lang; messages: Partial<Messages>; complete: boolean } | null;
  /** The last language asked for did not arrive. */
  failed: boolean;
  /** The rest of the text on screen did not arrive: the screens that need it say so, with Retry. */
  moreFailed: boolean;
}

/**
 * The UI's text in the language asked for. The first language is shown as soon as its first part
 * arrives, and the rest follows at once; a language chosen later is shown when both parts are here.
 * Only the latest ask lands: a slow table never replaces a later choice. When a language fails to
 * arrive, the text stays as it was and the ask goes back to the language on screen.
 */
export function createTextStore(tables: TextTables, initial: Lang) {
  let state: TextState = { asked: initial, shown: null, failed: false, moreFailed: false };
  let latest = 0;
  const { subscribe, notify } = createListeners();
  const set = (change: Partial<TextState>) => {
    state = { ...state, ...change };
    notify();
  };
  const loadMore = () => {
    const shown = state.shown;
    if (!shown || shown.complete) return;
    if (state.moreFailed) set({ moreFailed: false });
    // Kept while the text on screen stays, even when another language is asked for meanwhile: that one
    // may fail to arrive, and the page then goes on in this one.
    tables.more(shown.lang).then(
      (more) => {
        if (state.shown === shown)
          set({ shown: { ...shown, messages: { ...shown.messages, ...more }, complete: true } });
      },
      () => {
        if (state.shown === shown) set({ moreFailed: true });
      },
    );
  };
  return {
    get: () => state,
    subscribe,
    ask(lang: Lang) {
      const request = ++latest;
      set({ asked: lang, failed: false });
      const firstScreen = state.shown === null;
      const arriving = firstScreen
        ? tables.first(lang).then((first) => ({ messages: first, complete: false }))
        : Promise.all([tables.first(lang), tables.more(lang)]).then(([first, more]) => ({
            messages: { ...first, ...more },
            complete: true,
          }));
      arriving.then(
        (text) => {
          if (request !== latest) return;
          set({ shown: { lang, ...text }, moreFailed: false });
          loadMore();
        },
        () => {
          if (request === latest) set({ failed: true, asked: state.shown?.lang ?? lang });
        },
      );
    },
    /** Asks again for the rest of the text on screen, after it failed to arrive. */
    retryMore: loadMore,
  };
}
