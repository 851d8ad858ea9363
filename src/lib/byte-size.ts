const MEGABYTE = 2 ** 20;

/**
 * A byte size as people read it on screen and in messages, in megabytes (2^20 bytes): one decimal,
 * none when it is whole ("9.9", "20"). Rounded up, so a size over a limit never reads as the limit.
 */
export function megabytes(bytes: number): string {
  const tenths = Math.ceil((bytes * 10) / MEGABYTE);
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}
