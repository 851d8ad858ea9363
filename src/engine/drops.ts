import type { AnalysisKind } from '@/api';
import type { QueueItem } from './queue/queue-item';
import type * as Code from './engine-code';
import { mayRepeat, type RepeatChoice, type RepeatQuestion } from './queue/repeats';

/**
 * Drops, in the order they came. Each send is billed, so a drop holding images already in the batch asks
 * once before they go again. A drop of new photos is queued at once: only a file the size of a card
 * already here is hashed, and only when an earlier drop is not still waiting for its answer.
 */
export function createDrops(
  queue: { getSnapshot: () => { readonly items: readonly QueueItem[] } },
  /** Queues the files; returns their ids. */
  add: (files: readonly File[], kind: AnalysisKind) => string[],
  /** The question to show the operator, once for the whole drop; null once answered. */
  onQuestion: (question: RepeatQuestion | null) => void,
  /** The hashing, which arrives with the engine's heavy code: a drop of new sizes never waits for it. */
  code: () => Promise<Pick<typeof Code, 'findRepeats'>>,
) {
  const items = () => queue.getSnapshot().items;
  let waiting = 0;
  let last: Promise<unknown> = Promise.resolve();
  let answer: ((choice: RepeatChoice) => void) | null = null;
  const ask = (question: RepeatQuestion) =>
    new Promise<RepeatChoice>((resolve) => {
      answer = (choice) => {
        answer = null;
        onQuestion(null);
        resolve(choice);
      };
      onQuestion(question);
    });

  async function decide(files: readonly File[], kind: AnalysisKind): Promise<string[]> {
    // Without the hashing's code the cards cannot be checked or sent either: queued, each says so and
    // offers Retry, rather than the drop vanishing.
    const hashing = await code().catch(() => null);
    if (!hashing) return add(files, kind);
    const repeats = await hashing.findRepeats(items(), files);
    if (repeats.length === 0) return add(files, kind);
    const choice = await ask({ repeats: repeats.length, total: files.length });
    const repeated = new Set(repeats);
    const chosen = choice === 'send' ? files : choice === 'skip' ? files.filter((f) => !repeated.has(f)) : [];
    return chosen.length > 0 ? add(chosen, kind) : [];
  }

  return {
    /** The operator's answer to the question asked; nothing when none is. */
    answer: (choice: RepeatChoice) => answer?.(choice),
    /**
     * Queues a drop. Returns the new ids when it was queued at once; otherwise [] now, and `settled`
     * gives the ids once the hashes (and perhaps the operator) have decided.
     */
    drop(files: readonly File[], kind: AnalysisKind): { ids: string[]; settled: Promise<string[]> } {
      if (waiting === 0 && !mayRepeat(items(), files)) {
        const ids = add(files, kind);
        return { ids, settled: Promise.resolve(ids) };
      }
      waiting++;
      const settled = last.then(() => decide(files, kind)).finally(() => waiting--);
      last = settled.catch(() => undefined);
      return { ids: [], settled };
    },
  };
}
