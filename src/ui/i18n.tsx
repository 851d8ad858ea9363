import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Localised } from '@/api';
import { fillIn } from '@/model/text/fill-in';
import type { MessageKey } from '@/model/text/message-keys';
import { createTextStore, type Lang, type TextTables } from '@/model/text/text-store';

export type { Lang } from '@/model/text/text-store';

interface I18n {
  /** The language asked for; the text follows as soon as its table has arrived. */
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the current language from any bilingual text (result codes, field names). */
  pick: (text: Localised) => string;
  /** The language last asked for did not arrive; the text stayed as it was. */
  langFailed: boolean;
  /** All of the language's text is here, not only the first screen's: the later screens wait for it. */
  complete: boolean;
  /** The rest of the text did not arrive; `retryMore` asks again. */
  moreFailed: boolean;
  retryMore: () => void;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'cardlens.lang';

// Each language's text is two chunks of its own: the first screen's part, which the first paint waits
// for, and the rest, fetched just after. One import() per function: Vite preloads what each call site
// needs, and one site with several would preload them all.
const TABLES: TextTables = {
  first: (lang) =>
    lang === 'en'
      ? import('@/model/text/messages-en').then((m) => m.EN_FIRST)
      : import('@/model/text/messages-ko').then((m) => m.KO_FIRST),
  more: (lang) =>
    lang === 'en'
      ? import('@/model/text/more-messages-en').then((m) => m.EN_MORE)
      : import('@/model/text/more-messages-ko').then((m) => m.KO_MORE),
};

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

function savePreference(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang); // a preference only; never a secret or a value
  } catch {
    // ignore
  }
}

/** Renders its children once the text of the chosen language is here. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [texts] = useState(() => createTextStore(TABLES, initialLang()));
  const { asked, shown, failed, moreFailed } = useSyncExternalStore(texts.subscribe, texts.get);
  useEffect(() => texts.ask(texts.get().asked), [texts]);
  const value = useMemo<I18n | null>(() => {
    if (!shown) return null;
    return {
      lang: asked,
      setLang: (lang) => {
        savePreference(lang);
        texts.ask(lang);
      },
      // A key beyond the first screen's part reads as nothing until the rest arrives (a moment later).
      t: (key, vars) => fillIn(shown.messages[key] ?? '', vars),
      pick: (text) => text[shown.lang],
      langFailed: failed,
      complete: shown.complete,
      moreFailed,
      retryMore: texts.retryMore,
    };
  }, [asked, failed, moreFailed, shown, texts]);
  useEffect(() => {
    if (shown) document.documentElement.lang = shown.lang;
  }, [shown]);

  if (value) return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
  return failed ? <TextsFailed onRetry={() => texts.ask(asked)} /> : null;
}

/** The page's text did not arrive: said in both languages, since neither table is here. */
function TextsFailed({ onRetry }: { onRetry: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">Cardlens could not load its text. · 화면 문구를 불러오지 못했습니다.</p>
      <button type="button" onClick={onRetry}>
        Retry · 다시 시도
      </button>
    </div>
  );
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}
