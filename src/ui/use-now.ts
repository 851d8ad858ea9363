import { useEffect, useState } from 'react';

/** The current time, refreshed every `intervalMs` while `active`; for countdowns and ETAs. */
export function useNow(active: boolean, clock: () => number = Date.now, intervalMs = 1000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [active, clock, intervalMs]);
  return now;
}
