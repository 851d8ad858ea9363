import { describe, expect, it } from 'vitest';
import type { QueueItem } from './queue/queue-item';
import { createDrops } from './drops';
import { findRepeats } from './queue/find-repeats';
import { mayRepeat, type RepeatChoice, type RepeatQuestion } from './queue/repeats';
import { settle } from '@/test-support/engine-rig';

const file = (content: string, name = `${content}.png`) => new File([content], name);
/** A hash that counts what it read: the content itself stands for its SHA-256. */
function countingHash() {
  const read: string[] = [];
  const hash = async (blob: Blob) => {
    const text = await blob.text();
    read.push(text);
    return `sha:${text}`;
  };
  return { read, hash };
}
const card = (f: File, status: QueueItem['status'] = 'done', sha?: string): QueueItem => ({
  id: f.name,
  order: 0,
  file: f,
  kind: 'credit-card',
  status,
  ...(sha ? { image: { sha256: sha } as QueueItem['image'] } : {}),
});

describe('repeated images', () => {
  it('are found by hash, hashing only files the size of a card already in the batch', async () => {
    const { read, hash } = countingHash();
    const items = [card(file('aaaa')), card(file('bbbbbb'), 'done', 'sha:bbbbbb')];
    const drop = [file('aaaa', 'again.png'), file('cccc'), file('bbbbbb', 'b2.png'), file('dddddddd')];
    expect(mayRepeat(items, drop)).toBe(true);
    expect((await findRepeats(items, drop, hash)).map((f) => f.name)).toEqual(['again.png', 'b2.png']);
    // The card already read brings its hash; the 8-byte file matches no card's size and is never read.
    expect(read.sort()).toEqual(['aaaa', 'aaaa', 'bbbbbb', 'cccc']);
  });

  it('are not looked for in a drop of new sizes, nor against a card refused before it was sent', async () => {
    const { read, hash } = countingHash();
    const items = [card(file('aaaa'), 'rejected')];
    expect(mayRepeat(items, [file('aaaa'), file('bb')])).toBe(false);
    expect(await findRepeats(items, [file('aaaa')], hash)).toEqual([]);
    expect(read).toEqual([]);
  });
});

function dropRig(codeArrives = true) {
  const items: QueueItem[] = [];
  const added: string[][] = [];
  const questions: RepeatQuestion[] = [];
  const { hash } = countingHash();
  const drops = createDrops(
    { getSnapshot: () => ({ items }) },
    (files) => {
      added.push(files.map((f) => f.name));
      files.forEach((f) => items.push(card(f)));
      return files.map((f) => f.name);
    },
    (question) => question && questions.push(question),
    () =>
      codeArrives
        ? Promise.resolve({ findRepeats: (items, files) => findRepeats(items, files, hash) })
        : Promise.reject(new Error('the chunk did not arrive')),
  );
  return { drops, added, questions, answer: (choice: RepeatChoice) => drops.answer(choice) };
}

describe('a drop', () => {
  it('that needs hashing is still queued when the hashing’s code cannot arrive: no drop vanishes', async () => {
    const { drops, added, questions } = dropRig(false);
    drops.drop([file('a')], 'credit-card');
    const later = drops.drop([file('b')], 'credit-card');
    expect(await later.settled).toEqual(['b.png']);
    expect(added).toEqual([['a.png'], ['b.png']]);
    expect(questions).toEqual([]);
  });

  it('of new files is queued at once, with no question', () => {
    const { drops, added, questions } = dropRig();
    expect(drops.drop([file('a'), file('bb')], 'credit-card').ids).toEqual(['a.png', 'bb.png']);
    expect(drops.drop([file('ccc')], 'credit-card').ids).toEqual(['ccc.png']);
    expect(added).toEqual([['a.png', 'bb.png'], ['ccc.png']]);
    expect(questions).toEqual([]);
  });

  it('holding images already in the batch asks once for the whole drop, and each answer does what it says', async () => {
    for (const [choice, queued] of [
      ['send', ['a2.png', 'bb2.png', 'new.png']],
      ['skip', ['new.png']],
      ['none', null],
    ] as const) {
      const { drops, added, questions, answer } = dropRig();
      drops.drop([file('a'), file('bb')], 'credit-card');
      const again = drops.drop([file('a', 'a2.png'), file('bb', 'bb2.png'), file('xyz', 'new.png')], 'credit-card');
      expect(again.ids).toEqual([]);
      await settle();
      expect(questions).toEqual([{ repeats: 2, total: 3 }]);
      expect(added).toHaveLength(1); // nothing more is queued before the answer
      answer(choice);
      await again.settled;
      expect(added[1] ?? null).toEqual(queued);
    }
  });

  it('that follows one still waiting for its answer waits too, so drops stay in order', async () => {
    const { drops, added, answer } = dropRig();
    drops.drop([file('a')], 'credit-card');
    drops.drop([file('a', 'a2.png')], 'credit-card');
    const later = drops.drop([file('zz')], 'credit-card');
    expect(later.ids).toEqual([]);
    await settle();
    answer('skip');
    expect(await later.settled).toEqual(['zz.png']);
    expect(added).toEqual([['a.png'], ['zz.png']]);
  });
});
