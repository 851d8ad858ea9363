// Which keys the review answers where. The Card tab's review bar handles the review keys itself; the
// page handles the rest on every tab, and says where a review key works when it is pressed elsewhere.

/** The screens the page's tabs show. */
export type ReviewView = 'card' | 'batch' | 'report';

/** What a key pressed outside a text field asks of the page, whatever tab is shown. */
export type PageKeyAction =
  | { type: 'help' }
  | { type: 'card-tab' }
  | { type: 'step'; delta: 1 | -1 }
  /** A review key away from the Card tab: a short note says where it works and which key goes there. */
  | { type: 'review-elsewhere' };

/** The review bar's keys: fields (J K N), verdicts (Y X B), the whole card (A R). */
export const REVIEW_KEYS: ReadonlySet<string> = new Set(['j', 'k', 'n', 'y', 'x', 'b', 'a', 'r']);

/** The key that shows the Card tab from anywhere. */
export const CARD_TAB_KEY = 'c';

/** The page's answer to a key; null leaves it alone (to the review bar on the Card tab, or the browser). */
export function pageKeyAction(key: string, view: ReviewView): PageKeyAction | null {
  if (key === '?') return { type: 'help' };
  const lower = key.toLowerCase();
  if (lower === CARD_TAB_KEY) return { type: 'card-tab' };
  if (key === ']' || key === '[') {
    // The report shows no card: moving through them there would change nothing on screen.
    if (view === 'report') return { type: 'review-elsewhere' };
    return { type: 'step', delta: key === ']' ? 1 : -1 };
  }
  if (view !== 'card' && REVIEW_KEYS.has(lower)) return { type: 'review-elsewhere' };
  return null;
}
