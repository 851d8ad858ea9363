import { expect, it, vi } from 'vitest';
import { createListeners } from './listeners';

it('tells every subscriber, each once, until it unsubscribes', () => {
  const { subscribe, notify } = createListeners();
  const [a, b] = [vi.fn(), vi.fn()];
  const stopA = subscribe(a);
  subscribe(b);
  subscribe(b); // the same listener twice is one subscriber
  notify();
  stopA();
  notify();
  expect(a).toHaveBeenCalledTimes(1);
  expect(b).toHaveBeenCalledTimes(2);
});
