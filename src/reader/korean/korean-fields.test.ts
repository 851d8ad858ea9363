import { describe, expect, it } from 'vitest';
import type { Quad } from '@/lib/quad';
import type { ReadLine } from '../types';
import { koreanFields, licenceClasses, planHangulLines, snapLicenceClass } from './korean-fields';

/** A line at (x, y), w × h, turned by `slope` (dy per dx) about its top-left corner. */
function line(text: string, conf: number, x: number, y: number, w: number, h = 30, slope = 0): ReadLine {
  const quad: Quad = { x1: x, y1: y, x2: x + w, y2: y + w * slope, x3: x + w, y3: y + w * slope + h, x4: x, y4: y + h };
  return {
    text,
    conf,
    quad,
    charPositions: [...text].map((_, i) => (i + 0.5) / text.length),
    ...(conf < 0.5 && { unsure: true }),
  };
}
const anchor = (key: string, l: ReadLine) => ({ key, bbox: l.quad });

describe('planHangulLines', () => {
  it('takes the line above the resident number as the name and the lines under the issue date as the issuer', () => {
    const title = line('主民登', 0.3, 60, 40, 200, 40);
    const name = line('', 0, 60, 120, 120);
    const resident = line('900101-1234568', 0.99, 60, 170, 260);
    const address = line('SAMPLE-RO 12', 0.95, 60, 220, 260);
    const date = line('2020.1.2.', 0.98, 300, 420, 140);
    const issuer = line('首尔特别市', 0.4, 240, 470, 260);
    const plan = planHangulLines(
      [title, name, resident, address, date, issuer],
      [anchor('residentNumber', resident), anchor('issueDate', date)],
      'resident',
    );
    expect(plan?.lines).toEqual([
      { role: 'name', quad: name.quad },
      { role: 'issuer', quad: issuer.quad },
    ]);
  });

  it("takes a licence's classes from its number's row on a tilted card, and not as the name", () => {
    const slope = 0.1;
    const number = line('26-23-096284-53', 0.99, 170, 154, 260, 32, slope);
    const classes = line('12', 0.71, 478, 187, 220, 32, slope);
    const name = line('', 0, 162, 200, 80, 47, slope);
    const resident = line('140209-4319914', 0.99, 160, 258, 267, 32, slope);
    const plan = planHangulLines(
      [number, classes, name, resident],
      [anchor('driverLicenseNumber', number), anchor('residentNumber', resident)],
      'driver',
    );
    expect(plan?.lines).toEqual([
      { role: 'name', quad: name.quad },
      { role: 'licenseType', quad: classes.quad },
    ]);
  });

  it('reads a line that came back as too few Latin characters for its width, however confident', () => {
    const classes = line('2', 0.85, 60, 100, 160);
    const number = line('16-16-734650-82', 0.99, 60, 150, 250);
    const plan = planHangulLines([classes, number], [anchor('driverLicenseNumber', number)], 'driver');
    expect(plan?.lines).toEqual([{ role: 'licenseType', quad: classes.quad }]);
  });

  it('plans nothing for a passport, or a card with no line left to read', () => {
    const resident = line('900101-1234568', 0.99, 60, 170, 260);
    expect(planHangulLines([resident], [anchor('residentNumber', resident)], 'resident')).toBeNull();
    expect(planHangulLines([resident], [], 'passport')).toBeNull();
  });
});

describe('koreanFields', () => {
  const quad: Quad = { x1: 0, y1: 0, x2: 10, y2: 0, x3: 10, y3: 5, x4: 0, y4: 5 };
  it('shapes the name, splits and snaps the licence classes, and snaps the issuer to its set', () => {
    const plan = {
      idType: 'driver' as const,
      lines: [
        { role: 'name' as const, quad },
        { role: 'licenseType' as const, quad },
        { role: 'issuer' as const, quad },
      ],
    };
    const fields = koreanFields(plan, [
      { text: '김민준', conf: 0.93 },
      { text: '1종 보룽  2종 소형', conf: 0.7 },
      { text: '서울특별시경찰청앙', conf: 0.8 },
    ]);
    expect(fields.map(({ key, value }) => [key, value])).toEqual([
      ['name', '김민준'],
      ['licenseType', '1종 보통/2종 소형'],
      ['issuer', '서울특별시경찰청장'],
    ]);
  });

  it("keeps an issuer near no entry only when it ends as an issuer's title does, with a low confidence", () => {
    const plan = { idType: 'resident' as const, lines: [{ role: 'issuer' as const, quad }] };
    expect(koreanFields(plan, [{ text: '가나다라시장', conf: 0.9 }])).toEqual([
      { key: 'issuer', value: '가나다라시장', conf: 0.3, bbox: quad },
    ]);
    expect(koreanFields(plan, [{ text: '가나다라', conf: 0.9 }])).toEqual([]);
  });
});

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
