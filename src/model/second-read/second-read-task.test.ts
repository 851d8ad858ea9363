import { describe, expect, it } from 'vitest';
import type { AnalysisOutcome, IdCardResult, ImageQuad } from '@/api';
import type { DeviceBoxesRead } from '@/reader-service';
import { sample } from '@/test-support/sandbox-fixture';
import { sha256Hex } from '@/lib/hex';
import { secondReadOf } from './second-read-task';
import type { UnreadReason } from './second-read-types';

const unread = (reason: UnreadReason, detail?: string) => ({ status: 'unread', reason, detail });

const card = sample('credit-card.png');
const outcome = {
  kind: 'credit-card',
  result: card.result,
  timings: { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 },
  keyVersion: '0',
} as AnalysisOutcome;
const file = new Blob([new Uint8Array([1, 2, 3])]);
const asked: ImageQuad[][] = [];
const askedHangul: (readonly boolean[])[] = [];
const answering =
  (read: DeviceBoxesRead | Error) =>
  (image: Uint8Array, boxes: readonly ImageQuad[], options: { hangul: readonly boolean[] }) => {
    expect([...image]).toEqual([1, 2, 3]);
    asked.push([...boxes]);
    askedHangul.push(options.hangul);
    return read instanceof Error ? Promise.reject(read) : Promise.resolve(read);
  };

describe('secondReadOf', () => {
  it("reads inside NHN's boxes for its digit fields, and sets each reading against the answer", async () => {
    const texts = ['4111', '1111', '1111', '1171', '09/29'].map((text) => ({ text, conf: 0.9 }));
    const read = await secondReadOf(file, undefined, outcome, answering({ kind: 'read', texts }));
    const r = card.result as { cardNumBoxes: ImageQuad[]; validThruBox: ImageQuad };
    expect(asked.at(-1)).toEqual([...r.cardNumBoxes, r.validThruBox]);
    expect(read.status === 'read' && read.fields.map((f) => f.differing)).toEqual([[], [], [], [2], []]);
  });

  it("asks for an ID card's name and issuer in Hangul, its digits as digits, and flags a name one syllable off", async () => {
    const resident = sample('id-resident.png');
    const answer = structuredClone(resident.result) as IdCardResult;
    answer.keyValues.find((kv) => kv.key === 'name')!.value = '홍길둥';
    const id = { ...outcome, kind: 'id-card', result: answer } as AnalysisOutcome;
    const keys = answer.keyValues.filter((kv) => kv.bbox).map((kv) => kv.key);
    const texts = keys.map((key) => ({
      text: (resident.result as IdCardResult).keyValues.find((kv) => kv.key === key)!.value,
      conf: 0.93,
    }));
    const read = await secondReadOf(file, undefined, id, answering({ kind: 'read', texts }));
    expect(askedHangul.at(-1)).toEqual([true, false, false, true]);
    expect(read.status === 'read' && read.fields.filter((f) => f.differing.length)).toEqual([
      { fieldId: expect.any(String) as string, key: 'name', nhn: '홍길둥', device: '홍길동', differing: [2] },
    ]);
  });

  it('says why there is no second read: an undecodable image, no reader, or a failure', async () => {
    const lookedFor = 'The image could not be decoded for reading (bad PNG).';
    const nothing = answering({ kind: 'nothing', lookedFor, cardLike: null });
    expect(await secondReadOf(file, undefined, outcome, nothing)).toEqual(unread('not-decoded', lookedFor));
    const none = answering({ kind: 'unavailable', why: 'no WebAssembly' });
    expect(await secondReadOf(file, undefined, outcome, none)).toEqual(unread('reader-unavailable', 'no WebAssembly'));
    const dead = answering(new Error('worker gone'));
    expect(await secondReadOf(file, undefined, outcome, dead)).toEqual(unread('reader-unavailable', 'worker gone'));
  });

  it('reads only the image NHN read: a file changed or gone since says so, and nothing is read', async () => {
    const before = asked.length;
    const reading = answering({ kind: 'read', texts: [] });
    const sha = await sha256Hex(new Uint8Array([1, 2, 3]));
    expect((await secondReadOf(file, sha, outcome, reading)).status).toBe('read');
    expect(await secondReadOf(file, 'f'.repeat(64), outcome, reading)).toEqual(unread('file-changed'));
    const gone = { arrayBuffer: () => Promise.reject(new DOMException('gone', 'NotReadableError')) } as Blob;
    expect(await secondReadOf(gone, sha, outcome, reading)).toEqual(unread('file-gone'));
    expect(asked.length).toBe(before + 1);
  });
});
