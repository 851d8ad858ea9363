import { describe, expect, it } from 'vitest';
import { LICENCE_ISSUERS, LICENCE_TYPES, RESIDENT_CARD_ISSUERS, SURNAMES } from './korean-sets';
import { NAME_CHECK_CONF } from './korean-name';
import { snapToSet, UNSNAPPED_CONF } from './snap';

describe('the closed sets', () => {
  it('hold every local government head, the police agencies and the licence classes', () => {
    // 226 local governments and Sejong, Jeju's two cities, 36 non-autonomous districts, former names.
    expect(RESIDENT_CARD_ISSUERS.length).toBeGreaterThanOrEqual(250);
    expect(RESIDENT_CARD_ISSUERS).toEqual(
      expect.arrayContaining([
        '서울특별시 종로구청장',
        '부산광역시 기장군수',
        '경기도 수원시장',
        '경기도 성남시 분당구청장',
        '세종특별자치시장',
        '제주특별자치도 서귀포시장',
        '강원특별자치도 춘천시장',
        '강원도 춘천시장',
      ]),
    );
    expect(LICENCE_ISSUERS).toEqual(
      expect.arrayContaining(['서울특별시경찰청장', '서울지방경찰청장', '경기도남부경찰청장']),
    );
    expect(LICENCE_TYPES).toEqual(expect.arrayContaining(['1종 보통', '1종 특수(구난차)', '2종 원동기장치자전거']));
    expect(SURNAMES.slice(0, 4)).toEqual(['김', '이', '박', '최']);
    expect(SURNAMES).toEqual(expect.arrayContaining(['남궁', '제갈', '황보']));
    expect(new Set(SURNAMES).size).toBe(SURNAMES.length);
  });
});

describe('snapToSet', () => {
  it('snaps a read a letter or a syllable away to its entry, with a confidence that says how far', () => {
    expect(snapToSet('서울특별시 종로구청앙', RESIDENT_CARD_ISSUERS, 0.6)).toEqual({
      value: '서울특별시 종로구청장',
      conf: 0.96,
      snapped: true,
    });
    expect(snapToSet('서울특별시종로구청장', RESIDENT_CARD_ISSUERS, 0.9)).toMatchObject({
      value: '서울특별시 종로구청장',
      snapped: true,
    });
    expect(snapToSet('1종 보룽', LICENCE_TYPES, 0.7)).toMatchObject({ value: '1종 보통', snapped: true });
    expect(snapToSet('경기남부경찰청창', LICENCE_ISSUERS, 0.8)).toMatchObject({
      value: '경기남부경찰청장',
      snapped: true,
    });
  });

  it('snaps a close call between two entries below the confidence a reviewer looks at', () => {
    const busan = ['부산광역시 중구청장', '부산광역시 북구청장', '부산광역시 동구청장'];
    const snapped = snapToSet('부산광역시 숙구청장', busan, 0.3);
    expect(snapped.snapped).toBe(true);
    expect(snapped.conf).toBeLessThan(NAME_CHECK_CONF);
    // Read exactly, the same entry is near certain.
    expect(snapToSet('부산광역시 북구청장', busan, 0.3).conf).toBe(0.99);
  });

  it('leaves a read that is near no entry as read, with a low confidence', () => {
    expect(snapToSet('대한민국 정부', RESIDENT_CARD_ISSUERS, 0.95)).toEqual({
      value: '대한민국 정부',
      conf: UNSNAPPED_CONF,
      snapped: false,
    });
    expect(snapToSet('   ', LICENCE_TYPES, 0.9)).toEqual({ value: '', conf: 0, snapped: false });
  });

  it('does not choose between two entries a read is equally near', () => {
    // 1종 보통 and 2종 보통 differ in the digit alone: a read with that digit lost could be either.
    expect(snapToSet('종 보통', LICENCE_TYPES, 0.9).snapped).toBe(false);
  });
});
