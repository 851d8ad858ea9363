import { describe, expect, it } from 'vitest';
import type { IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { fieldsOf, hasBox } from './result-fields';

// A keyValues entry with no bbox (absent or null) is a field without a box, not an error: the ID-card
// sample in NHN's console guide has none, and a field the card lacks has nothing to box.
// https://docs.nhncloud.com/en/AI%20Service/OCR/en/document-ocr-console-guide/
describe('an ID field the service placed no box for', () => {
  it.each([
    ['absent', undefined],
    ['null', null],
  ])('is listed with its value and no quad when bbox is %s', (_, bbox) => {
    const result = structuredClone(sample('id-resident.png').result as IdCardResult);
    const name = result.keyValues.findIndex((kv) => kv.key === 'name');
    if (bbox === undefined) delete result.keyValues[name].bbox;
    else result.keyValues[name].bbox = bbox;
    const fields = fieldsOf({ kind: 'id-card', result });
    expect(fields).toHaveLength(result.keyValues.length);
    const field = fields.find((f) => f.key === 'name')!;
    expect(field.quad).toBeNull();
    expect(field.value).toBe(result.keyValues[name].value);
    expect(hasBox(field)).toBe(false);
    expect(fields.filter(hasBox)).toHaveLength(result.keyValues.length - 1);
  });
});
