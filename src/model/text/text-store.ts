import type { Localised } from '@/api';
import { createListeners } from '@/lib/listeners';
import type { Messages } from './messages';

export type Lang = keyof Localised;

export interface TextState {
  /** The language asked for last; the picker shows it. */
  asked: Lang;
  /** The language on screen, once its table has arrived. */
  shown: { lang: Lang; messages: Messages } | null;
  /** The last table asked for did not arrive. */
  failed: boolean;
}

/**
 * The UI's text in the language asked for, each language's table loaded when first asked for. Only the
 * latest ask lands: a slow table never replaces a later choice. When a table fails to arrive, the text
 * stays as it was and the ask goes back to the language on screen.
 */
export function createTextStore(load: (lang: Lang) => Promise<Messages>, initial: Lang) {
  let state: TextState = { asked: initial, shown: null, failed: false };
  let latest = 0;
  const { subscribe, notify } = createListeners();
  const set = (change: Partial<TextState>) => {
    state = { ...state, ...change };
    notify();
  };
  return {
    get: () => state,
    subscribe,
    ask(lang: Lang) {
      const request = ++latest;
      set({ asked: lang, failed: false });
      load(lang).then(
        (messages) => {
          if (request === latest) set({ shown: { lang, messages } });
        },
        () => {
          if (request === latest) set({ failed: true, asked: state.shown?.lang ?? lang });
        },
      );
    },
  };
}
