import type { DeviceChecks } from '@/engine/cardlens';
import { useI18n } from '@/ui/i18n';

/** The two on-device checks, off by default; the engine keeps the choice across visits. */
export function DeviceChecksSettings({
  checks,
  onChange,
}: {
  checks: DeviceChecks;
  onChange: (change: Partial<DeviceChecks>) => void;
}) {
  const { t } = useI18n();
  return (
    <fieldset className="device-checks">
      <legend>{t('deviceChecks')}</legend>
      <label className="toggle">
        <input
          type="checkbox"
          checked={checks.secondRead}
          onChange={(e) => onChange({ secondRead: e.target.checked })}
        />
        {t('secondReadSetting')}
      </label>
      <label className="toggle">
        <input type="checkbox" checked={checks.preSend} onChange={(e) => onChange({ preSend: e.target.checked })} />
        {t('preSendSetting')}
      </label>
      <p className="hint">
        {t('deviceChecksHint', {
          size: __READER_DOWNLOAD_MB__,
          gpu: __READER_GPU_DOWNLOAD_MB__,
          hangul: __HANGUL_DOWNLOAD_MB__,
        })}
      </p>
    </fieldset>
  );
}
