// Whether the reviewer keeps reviews on this device (review-store.ts), remembered in localStorage.
const KEEP_KEY = 'cardlens.keepReview';

export function loadKeepPreference(): boolean {
  try {
    return localStorage.getItem(KEEP_KEY) === 'true';
  } catch {
    return false;
  }
}

export function saveKeepPreference(keep: boolean): void {
  try {
    localStorage.setItem(KEEP_KEY, String(keep));
  } catch {
    // ignore
  }
}
