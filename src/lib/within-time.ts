/** Thrown by withinTime when the time runs out first. */
export class TimedOut extends Error {}

/**
 * `work`, or a TimedOut rejection after `ms`: for a step whose library may never settle (a WebAssembly
 * module that fails to start inside it, say), so that whoever waits on it is freed.
 */
export function withinTime<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
