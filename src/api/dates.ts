import { isCalendarDate } from '@/lib/calendar';

export { isCalendarDate };

/**
 * Dates in results look like `2019.3.4.` (the SDK parses yyyy.M.d.); the authenticity API wants
 * YYYYMMDD. Also accepts `2019. 3. 4.`, `2019-03-04` and `20190304`. Returns null when unparseable.
 */
export function normaliseDate(text: string): string | null {
  const trimmed = text.trim();
  if (/^\d{8}$/.test(trimmed)) return isCalendarDate(trimmed) ? trimmed : null;
  const match = /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})\s*\.?$/.exec(trimmed);
  if (!match) return null;
  const candidate = match[1] + match[2].padStart(2, '0') + match[3].padStart(2, '0');
  return isCalendarDate(candidate) ? candidate : null;
}
