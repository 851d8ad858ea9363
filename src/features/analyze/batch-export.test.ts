import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { batchCsv, batchJson, type ExportItem } from './batch-export';

const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };
const items: ExportItem[] = [
  {
    file: 'credit-card.png',
    name: 'image-8c3f0a1b2c3d',
    service: 'credit-card',
    status: 'done',
    outcome: {
      kind: 'credit-card',
      result: sample('credit-card.png').result as CreditCardResult,
      timings,
      keyVersion: '0',
    },
  },
  {
    file: '주민등록증, 앞면.png',
    name: 'image-5e6f7a8b9c0d',
    service: 'id-card-stand-alone',
    status: 'done',
    outcome: {
      kind: 'id-card-stand-alone',
      result: sample('id-resident.png').result as IdCardResult,
      timings,
      keyVersion: '0',
    },
  },
  { file: '=HYPERLINK("x").png', name: 'card-3', service: 'credit-card', status: 'failed', error: 'Network "down"' },
];

/** A card without fields, whose file name (and error) is the text given. */
const failed = (file: string, error = ''): ExportItem => ({
  file,
  name: 'card-1',
  service: 'id-card',
  status: 'failed',
  error,
});
/** Its line in a full CSV export. */
const csvLine = (item: ExportItem) => batchCsv([item], false).split('\r\n')[1];

describe('batch exports', () => {
  it('write CSV with a BOM, CRLF, quoting, Korean text and masked values by default', () => {
    const csv = batchCsv(items, true);
    expect(csv.startsWith('\uFEFFfile,service,idType,status,field,value,confidence,ruleFailures,error\r\n')).toBe(true);
    expect(csv).toContain('image-5e6f7a8b9c0d,id-card-stand-alone,resident,done,residentNumber,900101-1••••••,0.93');
    expect(csv).toContain('totalCardNum,411111••••••1111');
    expect(csv).not.toContain('4111111111111111');
    expect(csv).not.toContain('1234568');
  });

  it('never lets a cell start a spreadsheet formula', () => {
    expect(batchCsv(items, false)).toContain(`"'=HYPERLINK(""x"").png",credit-card,,failed,,,,,"Network ""down"""`);
  });

  it('guard a formula behind leading spaces or hidden characters, and export none of those characters', () => {
    expect(csvLine(failed('  =1+1'))).toBe(`'  =1+1,id-card,,failed,,,,,`);
    expect(csvLine(failed('\u200b=1+1'))).toBe(`'=1+1,id-card,,failed,,,,,`);
    expect(csvLine(failed('\ufeff \u2060+cmd'))).toBe(`' +cmd,id-card,,failed,,,,,`);
    expect(csvLine(failed('\u202e@SUM(A1)', '\t-2'))).toBe(`'@SUM(A1),id-card,,failed,,,,,'\t-2`);
    expect(csvLine(failed('a\u202egnp.exe'))).toBe('agnp.exe,id-card,,failed,,,,,');
    expect(csvLine(failed('1-2 =3'))).toBe('1-2 =3,id-card,,failed,,,,,');
  });

  it('name no file in a redacted export, in its name column or in an error that quotes it', () => {
    const refused = { ...failed('김철수 신분증.jpg', '“김철수 신분증.jpg” is empty (0 bytes).'), name: 'card-4' };
    for (const text of [batchCsv([...items, refused], true), batchJson([...items, refused], true)]) {
      for (const name of ['credit-card.png', '주민등록증', 'HYPERLINK', '김철수']) expect(text).not.toContain(name);
      expect(text).toContain('image-8c3f0a1b2c3d');
      expect(text).toContain('“card-4” is empty (0 bytes).');
    }
    expect(batchCsv(items, false)).toContain('"주민등록증, 앞면.png"');
    expect(JSON.parse(batchJson(items, false)).items[0].file).toBe('credit-card.png');
  });

  it('write a value that held hidden characters without them in CSV, and escaped in JSON', () => {
    const result = structuredClone(sample('id-resident.png').result as IdCardResult);
    result.keyValues.find((kv) => kv.key === 'name')!.value = '\u202e동길홍';
    const item: ExportItem = {
      ...failed('a.png'),
      status: 'done',
      outcome: { kind: 'id-card-stand-alone', result, timings, keyVersion: '0' },
    };
    for (const redacted of [true, false]) {
      const csv = batchCsv([item], redacted);
      expect(csv).toContain(',name,동길홍,');
      expect(csv).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
      const json = batchJson([item], redacted);
      expect(json).toContain('"\\u202e동길홍"');
      expect(json).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b]/);
    }
  });

  it('include full values only when asked', () => {
    expect(batchCsv(items, false)).toContain('4111111111111111');
    expect(batchJson(items, false)).toContain('9001011234568'.slice(0, 6));
    const redacted = batchJson(items, true);
    expect(redacted).not.toContain('900101-1234568');
    expect(JSON.parse(redacted)).toMatchObject({
      redacted: true,
      items: [{ status: 'done' }, { status: 'done' }, { status: 'failed', error: 'Network "down"' }],
    });
  });
});
