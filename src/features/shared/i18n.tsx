import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Localised } from '@/api';
import { fillIn } from './fill-in';
import { MESSAGES, type MessageKey } from './messages';

export type Lang = keyof Localised;

interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** Picks the current language from any bilingual text (result codes, field names). */
  pick: (text: Localised) => string;
}

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'cardlens.lang';

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'ko') return saved;
  } catch {
    // storage may be unavailable (private mode); fall through to the browser's language
  }
  return navigator.language.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next); // a preference only; never a secret or a value
    } catch {
      // ignore
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const pick = (text: Localised) => text[lang];
    const t = (key: MessageKey, vars?: Record<string, string | number>) => fillIn(pick(MESSAGES[key]), vars);
    return { lang, setLang, t, pick };
  }, [lang, setLang]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n needs an I18nProvider');
  return value;
}
