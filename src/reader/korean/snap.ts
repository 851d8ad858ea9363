// A read snapped to the nearest entry of a closed set (issuers, licence types), when it is near enough
// to one entry and clearly nearer to it than to any other; otherwise left as read, with a low confidence.
import { hangulDistance } from './hangul';

export interface Snapped {
  value: string;
  /** 0..1. */
  conf: number;
  /** Whether value is an entry of the set. */
  snapped: boolean;
}

/** A read that is no entry of its set is given at most this confidence: someone should look at it. */
export const UNSNAPPED_CONF = 0.3;
/** A snap that was a close call between two entries is given at most this confidence: below a review's. */
export const CLOSE_CALL_CONF = 0.75;
/** The most distance, per syllable of the entry, that still snaps. */
const MAX_SHARE = 0.34;

const compact = (s: string) => s.replace(/\s+/g, '');

/** The nearest entry to `read`, or the read itself (trimmed) when none is near enough. */
export function snapToSet(read: string, entries: readonly string[], readConf: number): Snapped {
  const text = read.trim().replace(/\s+/g, ' ');
  if (!text) return { value: '', conf: 0, snapped: false };
  let best = { entry: '', distance: Infinity };
  let second = Infinity;
  for (const entry of entries) {
    const distance = hangulDistance(text, entry);
    if (distance < best.distance) {
      // The same text spaced otherwise is the same entry, not a rival.
      if (compact(entry) !== compact(best.entry)) second = best.distance;
      best = { entry, distance };
    } else if (distance < second && compact(entry) !== compact(best.entry)) second = distance;
  }
  const length = Math.max(1, compact(best.entry).length);
  const near = best.distance <= MAX_SHARE * length;
  // A read as near to two entries is no evidence for either: the nearest must be at least a look-alike letter nearer.
  const clear = best.distance === 0 || second - best.distance >= 1 / 6 - 1e-9;
  if (!near || !clear) return { value: text, conf: Math.min(readConf, UNSNAPPED_CONF), snapped: false };
  // The set is evidence of its own: an entry read exactly is near certain, whatever the recogniser thought,
  // and so is one far nearer than any other. A close call (one district's syllable between two entries, say)
  // snaps, but below the confidence at which a reviewer is asked to look.
  const margin = second - best.distance;
  const trust = best.distance === 0 || margin >= 1 / 3 - 1e-9 ? Math.max(readConf, 0.99) : CLOSE_CALL_CONF;
  const conf = trust - best.distance / length;
  return { value: best.entry, conf: Math.round(conf * 100) / 100, snapped: true };
}
