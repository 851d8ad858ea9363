import type { DeviceChecks, Preferences } from './cardlens-types';

// The engine's few preferences: two booleans for the device checks and one for keeping reviews. Storage
// may refuse (private mode, quota); a choice then holds for this page only.
const CHECKS_KEY = 'cardlens.deviceChecks';
const KEEP_KEY = 'cardlens.keepReview';

function read(preferences: Preferences, key: string): string | null {
  try {
    return preferences.get(key);
  } catch {
    return null;
  }
}

function write(preferences: Preferences, key: string, value: string): void {
  try {
    preferences.set(key, value);
  } catch {
    // refused: the choice still holds for this page
  }
}

export function loadChecks(preferences: Preferences): DeviceChecks {
  try {
    const saved = JSON.parse(read(preferences, CHECKS_KEY) ?? 'null') as Partial<DeviceChecks> | null;
    return { secondRead: saved?.secondRead === true, preSend: saved?.preSend === true };
  } catch {
    return { secondRead: false, preSend: false };
  }
}

export const saveChecks = (preferences: Preferences, checks: DeviceChecks) =>
  write(preferences, CHECKS_KEY, JSON.stringify({ secondRead: checks.secondRead, preSend: checks.preSend }));

export const loadKeep = (preferences: Preferences): boolean => read(preferences, KEEP_KEY) === 'true';

export const saveKeep = (preferences: Preferences, keep: boolean) => write(preferences, KEEP_KEY, String(keep));
