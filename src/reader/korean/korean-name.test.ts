import { describe, expect, it } from 'vitest';
import { NAME_CHECK_CONF, readKoreanName } from './korean-name';

describe('readKoreanName', () => {
  it('takes a name of a known surname and one or two syllables as read, Hanja and spaces dropped', () => {
    expect(readKoreanName('김민준', 0.93)).toEqual({ value: '김민준', conf: 0.93 });
    expect(readKoreanName('홍 길 동(洪吉東)', 0.9)).toEqual({ value: '홍길동', conf: 0.9 });
    expect(readKoreanName('남궁민수', 0.9)).toEqual({ value: '남궁민수', conf: 0.9 });
    expect(readKoreanName('장규', 0.92)).toEqual({ value: '장규', conf: 0.92 });
  });

  it('marks a rare surname that looks like a common one, keeping it as read', () => {
    const read = readKoreanName('옹길동', 0.89);
    expect(read.value).toBe('옹길동');
    expect(read.conf).toBeLessThan(NAME_CHECK_CONF);
    // 함 and 한 differ in a letter that does not look alike: 함 stands.
    expect(readKoreanName('함시아', 0.9)).toEqual({ value: '함시아', conf: 0.9 });
  });

  it('puts the common surname a letter away in place of a syllable that is no surname, and marks the name', () => {
    const read = readKoreanName('긴민준', 0.9);
    expect(read.value).toBe('김민준');
    expect(read.conf).toBeLessThan(NAME_CHECK_CONF);
  });

  it('marks what has no shape of a name, keeping it as read', () => {
    expect(readKoreanName('3', 0.56)).toEqual({ value: '', conf: 0.3 });
    const long = readKoreanName('김가나다라마', 0.9);
    expect(long.conf).toBeLessThan(NAME_CHECK_CONF);
    const noSurname = readKoreanName('뷁뷁', 0.9);
    expect(noSurname).toEqual({ value: '뷁뷁', conf: 0.5 });
  });
});
