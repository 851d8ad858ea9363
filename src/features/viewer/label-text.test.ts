import { describe, expect, it } from 'vitest';
import type { IdCardResult } from '@/api';
import { fieldsOf } from '@/model/fields/result-fields';
import { sample } from '@/test-support/sandbox-fixture';
import { labelText, type LabelOptions } from './label-text';

describe('labelText', () => {
  const fields = fieldsOf({ kind: 'id-card', result: sample('id-resident.png').result as IdCardResult });
  const of = (key: string) => fields.find((f) => f.key === key)!;
  const options = (values: LabelOptions['values']): LabelOptions => ({
    lang: 'en',
    values,
    valuesInLabels: true,
    threshold: 0,
  });

  it("shows what the device's second read saw beside the value, masked by the value's own rule", () => {
    expect(labelText(of('name'), options('clear'))).not.toContain('≠');
    expect(labelText(of('name'), options('clear'), '홍길동')).toMatch(/^Name · 홍길동 ≠ 홍길동 · \d+%$/);
    expect(labelText(of('residentNumber'), options('masked'), '900101-1234558')).toContain(
      '900101-1•••••• ≠ 900101-1••••••',
    );
    expect(labelText(of('name'), options('audience'), '홍길동')).toContain('••• ≠ •••');
    expect(labelText(of('name'), { ...options('clear'), valuesInLabels: false }, '홍길동')).not.toContain('홍');
  });
});
