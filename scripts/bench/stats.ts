export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

/**
 * The median of `ours` over the median of `theirs`, to two places: how the benches compare two things timed
 * side by side. Null when either has no times (an engine that could not run) or theirs is 0.
 */
export function medianRatio(ours: readonly number[], theirs: readonly number[]): number | null {
  if (ours.length === 0 || theirs.length === 0) return null;
  const denominator = median([...theirs]);
  return denominator === 0 ? null : round(median([...ours]) / denominator);
}

/** A field's tally as the benches print it: "37/38" and 0.97, or nulls for a field never scored. */
export function tallyShare(tally: { right: number; of: number } | undefined): {
  count: string | null;
  share: number | null;
} {
  if (!tally || tally.of === 0) return { count: null, share: null };
  return { count: `${tally.right}/${tally.of}`, share: round(tally.right / tally.of) };
}
