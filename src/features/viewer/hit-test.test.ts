import { describe, expect, it } from 'vitest';
import type { ImageQuad } from '@/api';
import type { ViewerField } from '@/model/fields/result-fields';
import { fieldsAt, fieldToSelect, labelAt, quadContains } from './hit-test';
import { imagePoint, stagePoint } from './view-transform';

const quad = (x: number, y: number, w: number, h: number): ImageQuad =>
  ({ x1: x, y1: y, x2: x + w, y2: y, x3: x + w, y3: y + h, x4: x, y4: y + h }) as ImageQuad;
const field = (id: string, q: ImageQuad | null): ViewerField => ({
  id,
  key: 'cardNum',
  value: '1234',
  maskedValue: '12••',
  conf: 0.9,
  quad: q,
  sensitivity: null,
  colour: '#2f80ed',
});

describe('hit testing in image space', () => {
  it('finds a point inside a tilted quad and not one just outside it', () => {
    const tilted = { x1: 100, y1: 100, x2: 300, y2: 140, x3: 290, y3: 190, x4: 90, y4: 150 } as ImageQuad;
    expect(quadContains(tilted, imagePoint(200, 140))).toBe(true);
    expect(quadContains(tilted, imagePoint(200, 110))).toBe(false);
    expect(quadContains(tilted, imagePoint(95, 100))).toBe(false);
  });

  it('prefers the smallest of overlapping boxes, and skips fields without one', () => {
    const fields = [field('outer', quad(0, 0, 500, 300)), field('none', null), field('inner', quad(100, 100, 50, 20))];
    expect(fieldsAt(fields, imagePoint(110, 110))[0]?.id).toBe('inner');
    expect(fieldsAt(fields, imagePoint(400, 250))[0]?.id).toBe('outer');
    expect(fieldsAt(fields, imagePoint(600, 10))).toEqual([]);
  });

  it('never matches a zero-area box, and survives NaN coordinates', () => {
    const flat = quad(10, 10, 0, 0);
    const broken = { ...quad(0, 0, 10, 10), x2: Number.NaN } as ImageQuad;
    expect(fieldsAt([field('flat', flat), field('broken', broken)], imagePoint(10, 10))).toEqual([]);
  });
});

describe('clicking where fields share a box', () => {
  // A passport gives each date twice, with one box for both.
  const date = field('dateOfIssue', quad(100, 100, 200, 40));
  const ymd = field('dateOfIssueYMD', quad(100, 100, 200, 40));
  const under = fieldsAt([date, ymd], imagePoint(150, 120));

  it('lists both, in the fields’ order', () => {
    expect(under.map((f) => f.id)).toEqual(['dateOfIssue', 'dateOfIssueYMD']);
  });

  it('selects the first, then the next on each click, round again', () => {
    expect(fieldToSelect(under, null)?.id).toBe('dateOfIssue');
    expect(fieldToSelect(under, 'dateOfIssue')?.id).toBe('dateOfIssueYMD');
    expect(fieldToSelect(under, 'dateOfIssueYMD')?.id).toBe('dateOfIssue');
    expect(fieldToSelect(under, 'somewhere-else')?.id).toBe('dateOfIssue');
    expect(fieldToSelect([], 'dateOfIssue')).toBeNull();
  });
});

describe('hit testing labels in stage space', () => {
  const labels = [
    { id: 'a', x: 10, y: 10, width: 100, height: 18 },
    { id: 'b', x: 60, y: 20, width: 100, height: 18 }, // drawn later, over the end of a
  ];

  it('finds the label drawn on top', () => {
    expect(labelAt(labels, stagePoint(20, 15))).toBe('a');
    expect(labelAt(labels, stagePoint(80, 25))).toBe('b');
  });

  it('finds nothing beside or just past a label', () => {
    expect(labelAt(labels, stagePoint(5, 15))).toBeNull();
    expect(labelAt(labels, stagePoint(110, 12))).toBeNull(); // right edge of a is exclusive
    expect(labelAt([], stagePoint(20, 15))).toBeNull();
  });
});
