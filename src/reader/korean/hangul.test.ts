import { describe, expect, it } from 'vitest';
import { hangulDistance, hangulOnly, jamoOf, syllableCost } from './hangul';

describe('Hangul letters', () => {
  it('splits a syllable into its initial, medial and final letters', () => {
    expect(jamoOf('가')).toEqual([0, 0, 0]);
    expect(jamoOf('홍')).toEqual([18, 8, 21]);
    expect(jamoOf('A')).toBeNull();
  });

  it('counts a syllable misread in one letter as a third of a syllable, half that for look-alike initials', () => {
    expect(syllableCost('홍', '송')).toBeCloseTo(1 / 3);
    expect(syllableCost('홍', '옹')).toBeCloseTo(1 / 6);
    expect(syllableCost('청', '정')).toBeCloseTo(1 / 6);
    expect(syllableCost('창', '청')).toBeCloseTo(1 / 3);
    expect(syllableCost('김', '박')).toBe(1);
    expect(syllableCost('1', '1')).toBe(0);
    expect(syllableCost('1', 'l')).toBe(1);
  });

  it('measures the distance between two reads, spaces aside', () => {
    expect(hangulDistance('서울특별시 종로구청장', '서울특별시종로구청장')).toBe(0);
    expect(hangulDistance('서울특별시 종로구청앙', '서울특별시 종로구청장')).toBeCloseTo(1 / 3);
    expect(hangulDistance('서울특별시 종로구창', '서울특별시 종로구청장')).toBeCloseTo(1 + 1 / 6);
    expect(hangulDistance('서울특별시 종로구칭', '서울특별시 종로구청장')).toBeCloseTo(1 + 1 / 3);
  });

  it('keeps only the syllables of a read', () => {
    expect(hangulOnly('홍길동(洪吉東)')).toBe('홍길동');
    expect(hangulOnly(' 김 민 준 .')).toBe('김민준');
  });
});
