import { useCallback, useState } from 'react';
import { useI18n } from '@/ui/i18n';

/** What the on-device reader is asked to do besides the sandbox's reading. Both off by default. */
export interface DeviceChecks {
  /** Read every card NHN answered again on this device, and flag digits the two read differently. */
  secondRead: boolean;
  /** Hold a photo with no card-like text before it is sent (and billed). */
  preSend: boolean;
}

const STORAGE_KEY = 'cardlens.deviceChecks';
const OFF: DeviceChecks = { secondRead: false, preSend: false };

function load(): DeviceChecks {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<DeviceChecks> | null;
    return { secondRead: saved?.secondRead === true, preSend: saved?.preSend === true };
  } catch {
    return OFF;
  }
}

/** The device checks, kept as a preference (two booleans, never a value) across visits. */
export function useDeviceChecks(): [DeviceChecks, (change: Partial<DeviceChecks>) => void] {
  const [checks, setChecks] = useState(load);
  const update = useCallback((change: Partial<DeviceChecks>) => {
    setChecks((old) => {
      const next = { ...old, ...change };
      try {
        localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // storage refused (private mode, quota): the choice still holds for this page
      }
      return next;
    });
  }, []);
  return [checks, update];
}

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
      <p className="hint">{t('deviceChecksHint')}</p>
    </fieldset>
  );
}
