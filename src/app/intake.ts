import type { AnalysisKind } from '@/api';

type Receiver = (files: File[], kind: AnalysisKind) => void;

/**
 * Where dropped files go: to the workspace's queue once its code is here, and until then kept in
 * order, so a card dropped on the first screen is analysed as soon as the queue arrives.
 */
export interface Intake {
  add: Receiver;
  /** The queue takes the files kept so far and every later one; returns a detach. */
  attach: (receiver: Receiver) => () => void;
}

export function createIntake(): Intake {
  let waiting: { files: File[]; kind: AnalysisKind }[] = [];
  let receiver: Receiver | null = null;
  return {
    add: (files, kind) => {
      if (files.length === 0) return;
      if (receiver) receiver(files, kind);
      else waiting.push({ files, kind });
    },
    attach: (next) => {
      receiver = next;
      const kept = waiting;
      waiting = [];
      kept.forEach(({ files, kind }) => next(files, kind));
      return () => {
        if (receiver === next) receiver = null;
      };
    },
  };
}
