import { describe, expect, it } from 'vitest';
import type { Quad } from '@/lib/quad';
import type { ReadLine } from '../types';
import { koreanFields, planHangulLines } from './korean-fields';
import { INFERRED_CLASS_CONF } from './licence-classes';
import { DISPUTED_CONF } from './line-image';

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
      { role: 'licenseType', quad: classes.quad, digits: '12' },
    ]);
  });

  it('reads a line that came back as too few Latin characters for its width, however confident', () => {
    const classes = line('2', 0.85, 60, 100, 160);
    const number = line('16-16-734650-82', 0.99, 60, 150, 250);
    const plan = planHangulLines([classes, number], [anchor('driverLicenseNumber', number)], 'driver');
    expect(plan?.lines).toEqual([{ role: 'licenseType', quad: classes.quad, digits: '2' }]);
  });

  it('takes classes printed before the licence number on its row, and no watermark nearer the number as the name', () => {
    const classes = line('1否导', 0.72, 57, 166, 111, 35);
    const number = line('11-19-123456-10', 1, 222, 167, 340, 30);
    const name = line('', 0, 57, 227, 111, 46);
    const watermark = line('CIMEN·', 0.91, 278, 262, 592, 45, -0.086);
    const resident = line('850315-2345678', 1, 60, 296, 260, 29);
    const date = line('2020.5.20.', 1, 59, 501, 142, 28);
    const issuer = line('', 0, 300, 548, 281, 37);
    const plan = planHangulLines(
      [classes, number, name, watermark, resident, date, issuer],
      [anchor('driverLicenseNumber', number), anchor('residentNumber', resident), anchor('issueDate', date)],
      'driver',
    );
    expect(plan?.lines).toEqual([
      { role: 'name', quad: name.quad },
      { role: 'licenseType', quad: classes.quad, digits: '1' },
      { role: 'issuer', quad: issuer.quad },
    ]);
  });

  it("reads at most the two lines of the licence number's row nearest it", () => {
    const number = line('11-19-123456-10', 1, 222, 167, 340, 30);
    const junk = Array.from({ length: 12 }, (_, i) => line('', 0, 600 + i * 40, 167, 30, 30));
    const classes = line('1否导', 0.72, 57, 166, 111, 30);
    const plan = planHangulLines([classes, number, ...junk], [anchor('driverLicenseNumber', number)], 'driver');
    expect(plan?.lines.filter((l) => l.role === 'licenseType').map((l) => l.quad)).toEqual([
      classes.quad,
      junk[0].quad,
    ]);
  });

  it('plans nothing for a card with no line left to read, or a passport without its machine-readable zone', () => {
    const resident = line('900101-1234568', 0.99, 60, 170, 260);
    expect(planHangulLines([resident], [anchor('residentNumber', resident)], 'resident')).toBeNull();
    expect(planHangulLines([resident], [], 'passport')).toBeNull();
  });

  it("plans a passport's lines above its machine-readable zone that are not plainly Latin", () => {
    const given = line('GILDONG', 1, 299, 238, 134, 26);
    const label = line('', 0, 660, 211, 57, 21);
    const name = line('', 0, 656, 230, 91, 40);
    const mrz1 = line('PMKORHONG<<GILDONG<<<<<<<<', 0.95, 40, 576, 473, 27);
    // Lines the detector found in the photo, left of the data page's Latin fields, are not read.
    const photo = Array.from({ length: 10 }, (_, i) => line('', 0, 60 + (i % 3) * 50, 100 + i * 10, 40, 20));
    const latin = [
      line('PM', 1, 296, 113, 48, 33),
      line('KOR', 1, 418, 116, 61, 27),
      line('HONG', 1, 298, 179, 91, 29),
      line('SP', 1, 137, 413, 134, 52),
    ];
    const plan = planHangulLines([...photo, ...latin, given, label, name, mrz1], [anchor('MRZ1', mrz1)], 'passport');
    expect(plan).toEqual({
      idType: 'passport',
      lines: [
        { role: 'passport', quad: label.quad },
        { role: 'passport', quad: name.quad },
      ],
    });
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

  it('takes a lost class digit from the digits the other recogniser saw on the line, as a guess', () => {
    const plan = { idType: 'driver' as const, lines: [{ role: 'licenseType' as const, quad, digits: '2' }] };
    expect(koreanFields(plan, [{ text: "'28 소형", conf: 0.58 }])).toEqual([
      { key: 'licenseType', value: '2종 소형', conf: INFERRED_CLASS_CONF, bbox: quad },
    ]);
    // A digit the Hangul recogniser did read stands; so do classes when the digits seen do not match them.
    expect(koreanFields(plan, [{ text: '1종 소형', conf: 0.95 }])[0].value).toBe('1종 소형');
    expect(koreanFields(plan, [{ text: '?종 보통 ?종 소형', conf: 0.9 }])[0].value).toBe('1종 보통/2종 소형');
  });

  it("reads a passport's Korean name under its label, or after it on the label's line, and none without one", () => {
    const at = (x: number, y: number, w: number, h: number): Quad => line('', 0, x, y, w, h).quad;
    const plan = {
      idType: 'passport' as const,
      lines: [
        { role: 'passport' as const, quad: at(300, 160, 60, 20) },
        { role: 'passport' as const, quad: at(660, 211, 57, 21) },
        { role: 'passport' as const, quad: at(656, 230, 91, 40) },
      ],
    };
    const read = (...texts: [string, number][]) =>
      koreanFields(
        plan,
        texts.map(([text, conf]) => ({ text, conf })),
      );
    expect(read(['성', 0.9], ['한글성명', 0.94], ['홍길동', 0.96])).toEqual([
      { key: 'koreanName', value: '홍길동', conf: 0.96, bbox: plan.lines[2].quad },
    ]);
    // On one line with its label, and not the line above the label.
    expect(read(['김민준', 0.9], ['한글성명 홍길동', 0.9], ['', 0])).toEqual([
      { key: 'koreanName', value: '홍길동', conf: 0.9, bbox: plan.lines[1].quad },
    ]);
    expect(read(['대한민국', 0.9], ['', 0], ['홍길동', 0.96])).toEqual([]);
    // A label read a syllable short on the name's own line says nothing of where the name starts (길동).
    expect(read(['', 0], ['한글성 홍길동', 0.9], ['', 0])).toEqual([]);
  });

  it('keeps a line read as two texts in doubt, though it snaps to an entry exactly', () => {
    const plan = {
      idType: 'driver' as const,
      lines: [
        { role: 'licenseType' as const, quad },
        { role: 'issuer' as const, quad },
      ],
    };
    const fields = koreanFields(plan, [
      { text: '1종 보통', conf: 0.75, disputed: true },
      { text: '서울특별시경찰청장', conf: 0.75, disputed: true },
    ]);
    expect(fields.map(({ key, value, conf }) => [key, value, conf])).toEqual([
      ['licenseType', '1종 보통', DISPUTED_CONF],
      ['issuer', '서울특별시경찰청장', DISPUTED_CONF],
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
