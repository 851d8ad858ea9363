import { describe, expect, it } from 'vitest';
import { OcrError, type OcrService } from '@/api';
import type { DeviceRead } from '@/reader-service';
import { looksLikeOf, readsAs } from './looks-like';

const card = (totalCardNum: string): DeviceRead => ({
  kind: 'read',
  result: { fileType: 'png', resolution: 'normal', cardNums: [], totalCardNum, cardNumBoxes: [] },
});
const id = (key: string, value: string): DeviceRead => ({
  kind: 'read',
  result: { fileType: 'png', resolution: 'normal', idType: 'resident', keyValues: [{ key, value, conf: 0.9 }] },
});
const notFound = (code: number) => new OcrError('api', 'not found', { resultCode: code });
const photo = new Blob([new Uint8Array([1, 2, 3])]);

describe('what a card reads as on this device', () => {
  it('is a credit card only for a 15- or 16-digit number that passes the Luhn check', () => {
    expect(readsAs(card('4111111111111111'), 'credit-card')).toBe(true);
    expect(readsAs(card('4111111111111112'), 'credit-card')).toBe(false); // fails Luhn
    expect(readsAs(card('41111111'), 'credit-card')).toBe(false);
    expect(readsAs({ kind: 'nothing', lookedFor: '…', cardLike: true }, 'credit-card')).toBe(false);
  });

  it('is an ID card only for a resident registration number', () => {
    expect(readsAs(id('residentNumber', '900101-1234568'), 'id-card')).toBe(true);
    expect(readsAs(id('driverLicenseNumber', '11-19-123456-10'), 'id-card')).toBe(false);
    expect(readsAs({ kind: 'unavailable', why: 'no WebAssembly' }, 'id-card')).toBe(false);
  });
});

describe('the service a failed card looks like', () => {
  const reader = (read: DeviceRead) => {
    const asked: OcrService[] = [];
    return { asked, readCard: (_: Uint8Array, service: OcrService) => (asked.push(service), Promise.resolve(read)) };
  };

  it('is the other one, when its own found no card and the device read the other’s number', async () => {
    const credit = reader(card('4111111111111111'));
    expect(await looksLikeOf(photo, 'id-card', notFound(4000121), credit.readCard)).toBe('credit-card');
    expect(credit.asked).toEqual(['credit-card']);
    const resident = reader(id('residentNumber', '900101-1234568'));
    expect(await looksLikeOf(photo, 'credit-card', notFound(4000111), resident.readCard)).toBe('id-card');
    expect(await looksLikeOf(photo, 'id-card-stand-alone', notFound(4000121), credit.readCard)).toBe('credit-card');
  });

  it('is not asked for any other failure, and says nothing when the device read no such number', async () => {
    const credit = reader(card('4111111111111111'));
    expect(await looksLikeOf(photo, 'id-card', new OcrError('network', 'offline'), credit.readCard)).toBeNull();
    expect(await looksLikeOf(photo, 'id-card', notFound(4000111), credit.readCard)).toBeNull();
    expect(credit.asked).toEqual([]);
    const nothing = reader({ kind: 'nothing', lookedFor: '…', cardLike: true });
    expect(await looksLikeOf(photo, 'id-card', notFound(4000121), nothing.readCard)).toBeNull();
  });
});
