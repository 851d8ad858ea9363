import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { icaoCheckDigit, luhnValid } from '@/lib/check-digits';
import { sniffImageFormat } from '@/lib/image-format';
import { resolutionOf } from '@/lib/image-size';
import { manifest, sampleImage } from '@/test-support/sandbox-fixture';

// The committed samples are the sandbox's ground truth: check them as data.
describe('the specimen manifest', () => {
  it('lists the seven specimens and the benchmark scan', () => {
    expect(manifest.samples.map((s) => s.file).sort()).toEqual(
      [
        'credit-card-hires.png',
        'credit-card-angled.png',
        'credit-card-exif6.jpg',
        'credit-card-low-res.png',
        'credit-card.png',
        'id-driver.png',
        'id-passport.png',
        'id-resident.png',
      ].sort(),
    );
  });

  it.each(manifest.samples.map((s) => [s.file, s]))('%s matches its hash, format and resolution', (_, entry) => {
    const { bytes } = sampleImage(entry);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    expect(sniffImageFormat(bytes)).toBe(entry.result.fileType === 'jpg' ? 'jpeg' : 'png');
    expect(entry.result.resolution).toBe(resolutionOf(entry));
  });

  it('has Luhn-valid card numbers whose groups make the total', () => {
    for (const entry of manifest.samples.filter((s) => s.service === 'credit-card')) {
      const r = entry.result;
      expect(luhnValid(r.totalCardNum)).toBe(true);
      expect(r.cardNums.map((c) => c.value).join('')).toBe(r.totalCardNum);
      expect(r.cardNumBoxes).toHaveLength(r.cardNums.length);
    }
  });

  it('has a passport MRZ with valid check digits that agrees with the printed fields', () => {
    const r = manifest.samples.find((s) => s.file === 'id-passport.png')!.result as IdCardResult;
    const v = Object.fromEntries(r.keyValues.map((kv) => [kv.key, kv.value]));
    const mrz2 = v.MRZ2;
    expect(v.MRZ1).toHaveLength(44);
    expect(mrz2).toHaveLength(44);
    expect(icaoCheckDigit(mrz2.slice(0, 9))).toBe(Number(mrz2[9]));
    expect(icaoCheckDigit(mrz2.slice(13, 19))).toBe(Number(mrz2[19]));
    expect(icaoCheckDigit(mrz2.slice(21, 27))).toBe(Number(mrz2[27]));
    expect(icaoCheckDigit(mrz2.slice(28, 42))).toBe(Number(mrz2[42]));
    expect(icaoCheckDigit(mrz2.slice(0, 10) + mrz2.slice(13, 20) + mrz2.slice(21, 43))).toBe(Number(mrz2[43]));
    expect(mrz2.slice(0, 9)).toBe(v.passportNo);
    expect('19' + mrz2.slice(13, 19)).toBe(v.dateOfBirthYMD);
    expect('20' + mrz2.slice(21, 27)).toBe(v.dateOfExpiryYMD);
  });

  it('keeps every box inside its image', () => {
    for (const entry of manifest.samples) {
      const r = entry.result as Partial<CreditCardResult & IdCardResult>;
      const quads = [
        ...(r.cardNumBoxes ?? []),
        ...(r.validThruBox ? [r.validThruBox] : []),
        ...(r.keyValues ?? []).map((kv) => kv.bbox!), // every sample field has its box
        ...(r.boxes ?? []),
      ];
      for (const q of quads) {
        for (const [x, y] of [
          [q.x1, q.y1],
          [q.x2, q.y2],
          [q.x3, q.y3],
          [q.x4, q.y4],
        ]) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(entry.width);
          expect(y).toBeLessThanOrEqual(entry.height);
        }
      }
    }
  });
});
