import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readLine } from '@/test-support/read-line';
import { luhnValid } from '@/lib/check-digits';
import { parseCreditCard } from './card-parser';
import { digitText, hasCardLikeText, subQuad } from './card-text';
import type { ReadLine } from './types';

const SIZE = { width: 1000, height: 630 };

const line = (text: string, x: number, y: number, conf = 0.9) => readLine(text, x, y, conf);

const parsed = (lines: ReadLine[]) => {
  const p = parseCreditCard(lines, SIZE);
  if (!p.ok) throw new Error(p.lookedFor);
  return p.result;
};

describe('digitText', () => {
  it('reads confusable letters as digits only inside digit runs', () => {
    expect(digitText('4O11 l234 S6B7')).toBe('4011 1234 5687');
    expect(digitText('VALID THRU O9/29')).toBe('VALID THRU 09/29');
    expect(digitText('BOSS SPECIMEN')).toBe('BOSS SPECIMEN');
  });
});

describe('hasCardLikeText', () => {
  it('finds a card number group on a credit card, and six digits in a row on an ID card', () => {
    const group = [line('VALID THRU', 0, 0), line('4O11 2222', 0, 50)];
    const words = [line('MEMBERSHIP', 0, 0), line('VIP 123', 0, 50)];
    expect(hasCardLikeText(group, 'credit-card')).toBe(true);
    expect(hasCardLikeText(words, 'credit-card')).toBe(false);
    expect(hasCardLikeText(group, 'id-card')).toBe(false);
    expect(hasCardLikeText([line('900101 - 1234568', 0, 0)], 'id-card')).toBe(true);
  });
});

describe('subQuad', () => {
  it('splits a line by its characters, leaving out the spaces around a group', () => {
    const l = line('4111 1111', 100, 50);
    expect(subQuad(l, 0, 4)).toEqual({ x1: 100, y1: 50, x2: 180, y2: 50, x3: 180, y3: 90, x4: 100, y4: 90 });
    expect(subQuad(l, 5, 9)).toEqual({ x1: 200, y1: 50, x2: 280, y2: 50, x3: 280, y3: 90, x4: 200, y4: 90 });
  });

  it('follows a tilted line', () => {
    const l = { ...line('1234', 0, 0), quad: { x1: 0, y1: 0, x2: 100, y2: 10, x3: 96, y3: 50, x4: -4, y4: 40 } };
    const q = subQuad(l, 2, 4);
    expect(q).toEqual({ x1: 50, y1: 5, x2: 100, y2: 10, x3: 96, y3: 50, x4: 46, y4: 45 });
  });
});

describe('parseCreditCard', () => {
  it('reads a 4-4-4-4 number and an expiry after VALID THRU, with one box per group', () => {
    const r = parsed([
      line('SPECIMEN BANK', 60, 40),
      line('4111 1111 1111 1111', 60, 300),
      line('VALID THRU 09/29', 300, 400),
    ]);
    expect(r.totalCardNum).toBe('4111111111111111');
    expect(r.cardNums.map((c) => c.value)).toEqual(['4111', '1111', '1111', '1111']);
    expect(r.cardNumBoxes[1]).toEqual({ x1: 160, y1: 300, x2: 240, y2: 300, x3: 240, y3: 340, x4: 160, y4: 340 });
    expect(r.validThru?.value).toBe('09/29');
    expect(r.validThruBox).toEqual({ x1: 520, y1: 400, x2: 620, y2: 400, x3: 620, y3: 440, x4: 520, y4: 440 });
    expect(r).toMatchObject({ fileType: 'jpg', resolution: 'normal' });
  });

  it('reads Amex 4-6-5 and MM/YYYY', () => {
    const r = parsed([line('3782 822463 10005', 40, 200), line('EXPIRES 05/2031', 40, 280)]);
    expect(r.cardNums.map((c) => c.value)).toEqual(['3782', '822463', '10005']);
    expect(r.validThru?.value).toBe('05/31');
  });

  it('reads a number printed or read as one run of digits, split as printed', () => {
    const r = parsed([line('5555555555554444', 40, 200), line('11/28', 300, 300)]);
    expect(r.cardNums.map((c) => c.value)).toEqual(['5555', '5555', '5555', '4444']);
    expect(r.cardNumBoxes[0].x1).toBe(40);
    expect(r.cardNumBoxes[3].x2).toBe(40 + 16 * 20);
    const amex = parsed([line('378282246310005', 40, 200)]);
    expect(amex.cardNums.map((c) => c.value)).toEqual(['3782', '822463', '10005']);
    expect(amex.validThru).toBeUndefined();
  });

  it('puts right O for 0, l for 1, S for 5 and B for 8 inside the number', () => {
    const r = parsed([line('4OOO O566 SS66 SSS6', 40, 200), line('l2/3O', 300, 300)]);
    expect(r.totalCardNum).toBe('4000056655665556');
    expect(r.validThru?.value).toBe('12/30');
  });

  it('joins a number the detector split into two lines, boxing each group on its own line', () => {
    const r = parsed([line('4000 0566', 40, 200), line('5566 5556', 240, 202), line('12/30', 300, 300)]);
    expect(r.totalCardNum).toBe('4000056655665556');
    expect(r.cardNumBoxes[2]).toEqual({ x1: 240, y1: 202, x2: 320, y2: 202, x3: 320, y3: 242, x4: 240, y4: 242 });
  });

  it('keeps the groups of a tilted card in one row, whatever order the lines come in', () => {
    // Tilted up to the right: each group sits higher than the one before, the expiry below them all.
    const groups = ['4000', '0566', '5566', '5556'].map((g, i) => {
      const l = line(g, 40 + i * 120, 300 - i * 16);
      l.quad = { ...l.quad, y2: l.quad.y2 - 11, y3: l.quad.y3 - 11 };
      return l;
    });
    const r = parsed([groups[3], groups[2], line('12/30', 200, 330), groups[1], groups[0]]);
    expect(r.totalCardNum).toBe('4000056655665556');
    expect(r.cardNumBoxes.map((b) => b.x1)).toEqual([40, 160, 280, 400]);
  });

  it('drops a digit the recogniser repeated at the end of a crop, when only one way passes the Luhn check', () => {
    const r = parsed([line('4572 1751', 40, 200), line('3252 29280', 240, 200)]);
    expect(r.totalCardNum).toBe('4572175132529280');
    expect(r.cardNums.map((c) => c.value)).toEqual(['4572', '1751', '3252', '9280']);
    expect(r.cardNumBoxes[3]).toMatchObject({ x1: 360, x2: 440 });
    expect(parsed([line('94100333', 40, 200), line('307220992', 240, 200)]).totalCardNum).toBe('9410033307220992');
  });

  it('re-splits a group split in the middle', () => {
    const r = parsed([line('4111 1111 11', 40, 200), line('11 1111', 260, 200)]);
    expect(r.cardNums.map((c) => c.value)).toEqual(['4111', '1111', '1111', '1111']);
    // The third group spans both lines: one box around both parts.
    expect(r.cardNumBoxes[2]).toMatchObject({ x1: 240, x2: 300 });
  });

  it('ignores noise: phone numbers, other dates, a member-since year, Luhn-invalid runs', () => {
    const r = parsed([
      line('CUSTOMER 1588-1234', 40, 20),
      line('1234 5678 9012 3456', 40, 100),
      line('5105 1051 0510 5100', 40, 200),
      line('MEMBER SINCE 01/19', 40, 300),
      line('VALID FROM 02/24 GOOD THRU 02/29', 40, 360),
    ]);
    expect(r.totalCardNum).toBe('5105105105105100');
    expect(r.validThru?.value).toBe('02/29');
  });

  it('reads an expiry whose slash was read as 7 or 1, but never from the number itself', () => {
    expect(parsed([line('4111 1111 1111 1111', 40, 200), line('07729', 300, 300)]).validThru?.value).toBe('07/29');
    const amex = parsed([line('3400 010000 11723', 40, 200)]);
    expect(amex.totalCardNum).toBe('340001000011723');
    expect(amex.validThru).toBeUndefined();
  });

  it('takes the latest of unlabelled dates and refuses month 13', () => {
    const r = parsed([line('4111 1111 1111 1111', 40, 200), line('13/27 03/24 08/27', 40, 300)]);
    expect(r.validThru?.value).toBe('08/27');
  });

  it('refuses a length its issuer does not use: a Mastercard that lost a digit is no 15-digit card', () => {
    // 539939600284086 passes the Luhn check, but only Amex (34, 37) has 15 digits.
    expect(parseCreditCard([line('539939600284086', 0, 0)], SIZE).ok).toBe(false);
    expect(parseCreditCard([line('3714 4963 5398 431', 0, 0)], SIZE).ok).toBe(true);
  });

  it('says what it looked for when no number passes the Luhn check', () => {
    const none = parseCreditCard([line('SPECIMEN', 0, 0)], SIZE);
    expect(none).toEqual({ ok: false, lookedFor: expect.stringContaining('Luhn check') as string });
    const bad = parseCreditCard([line('4111 1111 1111 1112', 0, 0)], SIZE);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.lookedFor).toMatch(/none made a number that passes the Luhn check/);
      expect(bad.lookedFor).not.toMatch(/photo|blur|quality|light/i);
    }
  });

  it('reports low resolution below 760×480 and the given file type', () => {
    const p = parseCreditCard([line('4111 1111 1111 1111', 0, 0)], { width: 600, height: 378 }, { fileType: 'png' });
    expect(p.ok && p.result).toMatchObject({ fileType: 'png', resolution: 'low' });
  });

  it('recovers any Luhn-valid 16-digit number printed as 4 groups, with 4 boxes inside the line box', () => {
    const luhn16 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((ds) => {
      const body = [4, ...ds.slice(1)].join('');
      const check = [...Array(10).keys()].find((d) => luhnValid(body + String(d)))!;
      return body + String(check);
    });
    const tilt = fc.record({
      x: fc.integer({ min: 0, max: 300 }),
      y: fc.integer({ min: 0, max: 400 }),
      dy: fc.integer({ min: -40, max: 40 }),
      dx: fc.integer({ min: -6, max: 6 }),
    });
    fc.assert(
      fc.property(luhn16, tilt, (number, { x, y, dy, dx }) => {
        const text = number.match(/\d{4}/g)!.join(' ');
        const l = line(text, x, y);
        l.quad = { ...l.quad, y2: y + dy, y3: y + 40 + dy, x3: l.quad.x3 + dx, x4: x + dx };
        const r = parsed([l]);
        expect(r.totalCardNum).toBe(number);
        expect(r.cardNumBoxes).toHaveLength(4);
        const q = l.quad;
        const xs = [q.x1, q.x2, q.x3, q.x4];
        const ys = [q.y1, q.y2, q.y3, q.y4];
        for (const b of r.cardNumBoxes) {
          for (const [px, py] of [
            [b.x1, b.y1],
            [b.x2, b.y2],
            [b.x3, b.y3],
            [b.x4, b.y4],
          ]) {
            expect(px).toBeGreaterThanOrEqual(Math.min(...xs) - 1);
            expect(px).toBeLessThanOrEqual(Math.max(...xs) + 1);
            expect(py).toBeGreaterThanOrEqual(Math.min(...ys) - 1);
            expect(py).toBeLessThanOrEqual(Math.max(...ys) + 1);
          }
        }
        // Boxes run left to right without overlapping.
        for (let i = 1; i < 4; i++) expect(r.cardNumBoxes[i].x1).toBeGreaterThanOrEqual(r.cardNumBoxes[i - 1].x2);
      }),
      { numRuns: 200 },
    );
  });
});
