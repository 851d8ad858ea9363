import { describe, expect, it } from 'vitest';
import { OcrError, type CreditCardResult, type ImageQuad } from '@/api';
import { isRetryable } from '@/engine/queue/retry-policy';
import { rig, sampleImage } from '@/test-support/sandbox-fixture';
import type { ReadCard } from '@/reader-service';

// Any image but a specimen goes to the on-device reader, and its answer comes back in NHN's shape and envelope.

const box = { x1: 10, y1: 10, x2: 90, y2: 10, x3: 90, y3: 40, x4: 10, y4: 40 } as ImageQuad;
const read: CreditCardResult = {
  fileType: 'png',
  resolution: 'normal',
  cardNums: ['5555', '5555', '5555', '4444'].map((value) => ({ value, conf: 0.9 })),
  totalCardNum: '5555555555554444',
  cardNumBoxes: [box, box, box, box],
  validThru: { value: '11/28', conf: 0.8 },
  validThruBox: box,
};

/** A specimen with one byte more: a valid PNG to the sandbox, but no specimen's hash. */
function ownPhoto() {
  const image = sampleImage('credit-card.png');
  return { ...image, bytes: new Uint8Array([...image.bytes, 0]) };
}

async function failure(promise: Promise<unknown>): Promise<OcrError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OcrError);
  return error as OcrError;
}

describe('the sandbox reads any image on the device', () => {
  it('answers a read card in the service shape, with no word in it of who read it', async () => {
    const seen: string[] = [];
    const readCard: ReadCard = (_, service) => {
      seen.push(service);
      return Promise.resolve({ kind: 'read', result: read });
    };
    const { client } = rig({ readCard });
    const { result } = await client.analyzeCreditCard(ownPhoto());
    expect(seen).toEqual(['credit-card']);
    expect(result).toMatchObject({ totalCardNum: '5555555555554444' });
    expect(result).not.toHaveProperty('cardlensReader');
    expect(result.cardNums.map((c) => c.value)).toEqual(['5555', '5555', '5555', '4444']);
  });

  it('still answers a specimen from its ground truth, without asking the reader', async () => {
    const { client } = rig({ readCard: () => Promise.reject(new Error('must not be asked')) });
    const { result } = await client.analyzeCreditCard(sampleImage('credit-card.png'));
    expect(result.totalCardNum).toBe('4111111111111111');
    expect(result).not.toHaveProperty('cardlensReader');
  });

  it('says what it looked for when nothing card-like is found, not that the photo is poor', async () => {
    const { client } = rig({
      readCard: () =>
        Promise.resolve({ kind: 'nothing', lookedFor: 'Looked for a card number of 15–16 digits.', cardLike: false }),
    });
    const error = await failure(client.analyzeCreditCard(ownPhoto()));
    expect(error.resultCode).toBe(4000111);
    expect(error.resultMessage).toContain('Read on this device. Looked for a card number of 15–16 digits.');
  });

  it('says the reader could not start, and that only specimens are known then', async () => {
    const { client } = rig({ readCard: () => Promise.resolve({ kind: 'unavailable', why: 'WebAssembly is blocked' }) });
    const error = await failure(client.analyzeIdCard(ownPhoto()));
    expect(error.resultMessage).toMatch(/could not start \(WebAssembly is blocked\).*only its specimens/);
  });

  it('answers a reader that could not start as temporarily unavailable, so "Retry failed" tries the card again', async () => {
    const { client } = rig({ readCard: () => Promise.resolve({ kind: 'unavailable', why: 'the model fetch failed' }) });
    for (const error of [
      await failure(client.analyzeIdCard(ownPhoto())),
      await failure(client.analyzeCreditCard(ownPhoto())),
    ]) {
      // Not 4000111 / 4000121: those say the image holds no card, and the queue does not retry them.
      expect(error.resultCode).toBe(5000503);
      expect(isRetryable(error)).toBe(true);
    }
  });

  it("answers a licence's Hangul fields under NHN's names, with their boxes, as the reader read them", async () => {
    const keyValues = [
      { key: 'driverLicenseNumber', value: '11-19-123456-10', conf: 0.99, bbox: box },
      { key: 'licenseType', value: '1종 보통/2종 소형', conf: 0.93, bbox: box },
      { key: 'name', value: '홍길동', conf: 0.7, bbox: box },
      { key: 'residentNumber', value: '900101-1234568', conf: 0.99, bbox: box },
      { key: 'issueDate', value: '2020.1.2.', conf: 0.98, bbox: box },
      { key: 'issuer', value: '서울특별시경찰청장', conf: 0.99, bbox: box },
    ];
    const readCard: ReadCard = () =>
      Promise.resolve({
        kind: 'read',
        result: { fileType: 'png', resolution: 'normal', idType: 'driver', keyValues },
      });
    const { client } = rig({ readCard });
    const { result } = await client.analyzeIdCard(ownPhoto());
    expect(result.idType).toBe('driver');
    expect(result.keyValues.map(({ key, value, conf }) => ({ key, value, conf }))).toEqual(
      keyValues.map(({ key, value, conf }) => ({ key, value, conf })),
    );
    expect(result.keyValues.every((k) => k.bbox && k.bbox.x1 === 10)).toBe(true);
  });
});
