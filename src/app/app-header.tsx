import { useCardlens, useCardlensState } from '@/ui/cardlens';
import { useConnection } from '@/ui/connection';
import { useI18n } from '@/ui/i18n';

/** The title, the connection in use (a button that opens its panel), the language and presentation mode. */
export function AppHeader() {
  const engine = useCardlens();
  const presentation = useCardlensState((s) => s.presentation);
  const { t, lang, setLang, langFailed } = useI18n();
  const { settings, panelOpen, setPanelOpen, checkFailed } = useConnection();
  const endpointLabel =
    settings.endpoint === 'sandbox'
      ? t('endpointSandbox')
      : settings.endpoint === 'custom'
        ? settings.customUrl || t('endpointCustom')
        : t(
            settings.endpoint === 'nhn'
              ? 'endpointNhn'
              : settings.endpoint === 'nhn-legacy'
                ? 'endpointNhnLegacy'
                : 'endpointDevProxy',
          );

  return (
    <header className="app-header">
      <h1>Cardlens</h1>
      <span className="tagline">{t('appTagline')}</span>
      <button
        type="button"
        className="connection-status"
        aria-expanded={panelOpen}
        aria-controls="connection-panel"
        onClick={() => setPanelOpen(!panelOpen)}
      >
        <span
          className={`dot ${checkFailed ? 'failed' : settings.endpoint === 'sandbox' ? 'sandbox' : 'live'}`}
          aria-hidden="true"
        />
        {t('connection')}: {presentation && settings.endpoint !== 'sandbox' ? t('endpointNhn') : endpointLabel}
        {checkFailed && <span className="visually-hidden"> {t('connectionCheckFailed')}</span>}
      </button>
      <div className="header-tools">
        <label className="inline">
          <span className="visually-hidden">{t('language')}</span>
          <select aria-label={t('language')} value={lang} onChange={(e) => setLang(e.target.value as 'en' | 'ko')}>
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
        {langFailed && (
          <span className="field-error" role="alert">
            {t('languageFailed')}
          </span>
        )}
        <label className="inline toggle">
          <input type="checkbox" checked={presentation} onChange={(e) => engine.setPresentation(e.target.checked)} />
          {t('presentationMode')}
        </label>
      </div>
    </header>
  );
}
