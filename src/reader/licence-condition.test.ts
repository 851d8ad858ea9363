import { describe, expect, it } from 'vitest';
import type { Quad } from '@/lib/quad';
import { licenceCondition } from './licence-condition';
import type { ReadLine } from './types';

const box = (x: number, y: number, w: number, h: number): Quad => ({
  x1: x,
  y1: y,
  x2: x + w,
  y2: y,
  x3: x + w,
  y3: y + h,
  x4: x,
  y4: y + h,
});
const line = (text: string, conf: number, x: number, y: number, w: number, h = 25): ReadLine => ({
  text,
  conf,
  quad: box(x, y, w, h),
  charPositions: [...text].map((_, i) => (i + 0.5) / text.length),
});
// The committed licence specimen's rows, as the reader found them.
const resident = box(60, 296, 260, 29);
const issued = box(59, 501, 142, 28);
const address = line('（', 0.41, 59, 358, 432, 34);

describe('licenceCondition', () => {
  it('reads the letters after the label, boxed without the label, between the resident number and the issue date', () => {
    const condition = licenceCondition([address, line('A', 0.93, 56, 411, 76)], resident, issued);
    expect(condition).toMatchObject({ value: 'A', conf: 0.93 });
    expect(condition?.bbox).toEqual(box(56, 411, 76, 25));
    const two = licenceCondition([line('条件 A, D', 0.9, 56, 411, 120)], resident, issued);
    expect(two?.value).toBe('A,D');
    expect(two?.bbox.x1).toBeGreaterThan(56);
  });

  it('reads no condition from a line elsewhere, unsure, or holding anything but condition letters', () => {
    expect(licenceCondition([line('I', 0.95, 160, 409, 40)], resident, issued)).toBeNull();
    expect(licenceCondition([line('A', 0.95, 56, 560, 40)], resident, issued)).toBeNull();
    expect(licenceCondition([line('A', 0.6, 56, 411, 40)], resident, issued)).toBeNull();
    expect(licenceCondition([line('SI', 0.95, 56, 411, 40)], resident, issued)).toBeNull();
    expect(licenceCondition([line('적성검사 2032.01.01~12.31', 0.9, 56, 411, 300)], resident, issued)).toBeNull();
    expect(licenceCondition([address], resident, issued)).toBeNull();
    // Printed far smaller or larger than the resident number: a stroke, not a condition.
    expect(licenceCondition([line('I', 0.95, 56, 411, 8, 10)], resident, issued)).toBeNull();
    expect(licenceCondition([line('A', 0.95, 56, 380, 60, 80)], resident, issued)).toBeNull();
    expect(licenceCondition([line('C·I', 0.95, 56, 411, 60)], resident, issued)).toBeNull();
  });
});
