import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import { batchCsv, batchJson, type ExportItem } from './batch-export';

const timings = { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 };
const items: ExportItem[] = [
  {
    file: 'credit-card.png',
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
    service: 'id-card-stand-alone',
    status: 'done',
    outcome: {
      kind: 'id-card-stand-alone',
      result: sample('id-resident.png').result as IdCardResult,
      timings,
      keyVersion: '0',
    },
  },
  { file: '=HYPERLINK("x").png', service: 'credit-card', status: 'failed', error: 'Network "down"' },
];

describe('batch exports', () => {
  it('write CSV with a BOM, CRLF, quoting, Korean text and masked values by default', () => {
    const csv = batchCsv(items, true);
    expect(csv.startsWith('\uFEFFfile,service,idType,status,field,value,confidence,ruleFailures,error\r\n')).toBe(true);
    expect(csv).toContain(
      '"주민등록증, 앞면.png",id-card-stand-alone,resident,done,residentNumber,900101-1••••••,0.93',
    );
    expect(csv).toContain('totalCardNum,411111••••••1111');
    expect(csv).not.toContain('4111111111111111');
    expect(csv).not.toContain('1234568');
  });

  it('never lets a cell start a spreadsheet formula', () => {
    expect(batchCsv(items, true)).toContain(`"'=HYPERLINK(""x"").png",credit-card,,failed,,,,,"Network ""down"""`);
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
