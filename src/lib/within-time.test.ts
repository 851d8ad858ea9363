import { afterEach, expect, it, vi } from 'vitest';
import { TimedOut, withinTime } from './within-time';

afterEach(() => vi.useRealTimers());

it('answers what the work answers, in time', async () => {
  await expect(withinTime(Promise.resolve(7), 1000, 'the step')).resolves.toBe(7);
  await expect(withinTime(Promise.reject(new Error('no')), 1000, 'the step')).rejects.toThrow('no');
});

it('rejects with TimedOut when the work never settles', async () => {
  vi.useFakeTimers();
  const waiting = withinTime(new Promise(() => {}), 1000, 'the step');
  const seen = waiting.catch((error: unknown) => error);
  await vi.advanceTimersByTimeAsync(1000);
  const error = await seen;
  expect(error).toBeInstanceOf(TimedOut);
  expect((error as Error).message).toBe('the step did not answer within 1 s');
});
