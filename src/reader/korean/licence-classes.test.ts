import { describe, expect, it } from 'vitest';
import { licenceClasses, snapLicenceClass } from './licence-classes';

describe('licence classes', () => {
  it('splits a line at each 종, reading a 1 misread as l or a 2 as 으', () => {
    expect(licenceClasses('1종 보통 2종 소형')).toEqual([
      { digit: '1', kind: '보통' },
      { digit: '2', kind: '소형' },
    ]);
    expect(licenceClasses('l종대형 으종소령')).toEqual([
      { digit: '1', kind: '대형' },
      { digit: '2', kind: '소령' },
    ]);
    expect(licenceClasses('{종 모듈')).toEqual([{ digit: '1', kind: '모듈' }]);
    expect(licenceClasses('2송보통')).toEqual([{ digit: '2', kind: '보통' }]);
    expect(licenceClasses('보통')).toEqual([]);
    // 종 read as something else: the first word stands for the class.
    expect(licenceClasses('26 보통')).toEqual([{ digit: '2', kind: '보통', guessed: true }]);
    expect(licenceClasses('2 소형')).toEqual([{ digit: '2', kind: '소형', guessed: true }]);
    expect(licenceClasses('총 특수(레커*')).toEqual([{ digit: null, kind: '특수(레커*' }]);
  });

  it('snaps a class whose digit is lost by its kind, and by its place when both classes have the kind', () => {
    expect(snapLicenceClass({ digit: null, kind: '특수(구난차)' }, 0, 0.9)).toMatchObject({
      value: '1종 특수(구난차)',
      snapped: true,
    });
    expect(snapLicenceClass({ digit: null, kind: '원동기장치자전거' }, 0, 0.9).value).toBe('2종 원동기장치자전거');
    expect(snapLicenceClass({ digit: null, kind: '보룽' }, 0, 0.9).value).toBe('1종 보통');
    expect(snapLicenceClass({ digit: null, kind: '소형' }, 1, 0.9).value).toBe('2종 소형');
    // A digit from a word not read as a class snaps, below a reviewer's threshold.
    expect(snapLicenceClass({ digit: '2', kind: '보통', guessed: true }, 0, 0.49)).toEqual({
      value: '2종 보통',
      conf: 0.7,
      snapped: true,
    });
    expect(snapLicenceClass({ digit: '1', kind: '모듈' }, 0, 0.9)).toMatchObject({ value: '1종 보통', snapped: true });
  });
});
