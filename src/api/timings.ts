import type { Timings } from './types';

/** Monotonic times a call passed each step: started, key fetched, encrypted, sent, answered. */
export interface Marks {
  started: number;
  prepared: number;
  encrypted: number;
  sending: number;
  responded: number;
}

/** The call's timings, given when decryption finished. */
export function timingsOf(marks: Marks, done: number): Timings {
  return {
    prepareMs: marks.prepared - marks.started,
    encryptMs: marks.encrypted - marks.prepared,
    requestMs: marks.responded - marks.sending,
    decryptMs: done - marks.responded,
    totalMs: done - marks.started,
  };
}
