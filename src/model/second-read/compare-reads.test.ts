import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult, ImageQuad } from '@/api';
import { cardView } from '@/model/card-view/card-view';
import { fieldsOf, type CardResult } from '@/model/fields/result-fields';
import { checkedFields, compareBoxReads, compareText, differingPositions } from './compare-reads';
import { hasDisagreement, type SecondRead } from './second-read-types';

const box = { x1: 0, y1: 0, x2: 40, y2: 0, x3: 40, y3: 10, x4: 0, y4: 10 } as ImageQuad;

function credit(groups: string[], validThru = '09/29'): CreditCardResult {
  return {
    fileType: 'png',
    resolution: 'normal',
    cardNums: groups.map((value) => ({ value, conf: 0.99 })),
    totalCardNum: groups.join(''),
    cardNumBoxes: groups.map(() => box),
    validThru: { value: validThru, conf: 0.99 },
    validThruBox: box,
  };
}

function idCard(keyValues: [string, string][]): IdCardResult {
  return {
    fileType: 'png',
    resolution: 'normal',
    idType: 'resident',
    keyValues: keyValues.map(([key, value]) => ({ key, value, conf: 0.99, bbox: box })),
  };
}

describe('differingPositions', () => {
  it('names a changed character, a dropped one, and points at an insertion', () => {
    expect(differingPositions('4111111111111111', '4111111111111111')).toEqual([]);
    expect(differingPositions('41112', '41192')).toEqual([3]);
    expect(differingPositions('41112', '4112')).toEqual([3]);
    expect(differingPositions('4112', '41192')).toEqual([3]);
  });

  it('finds exactly the substituted position for any single-digit change', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4,19}$/), fc.nat(), fc.integer({ min: 1, max: 9 }), (digits, at, bump) => {
        const i = at % digits.length;
        const changed = digits.slice(0, i) + String((Number(digits[i]) + bump) % 10) + digits.slice(i + 1);
        expect(differingPositions(digits, changed)).toEqual([i]);
      }),
    );
  });
});

describe('compareText', () => {
  it('ignores separators and spaces, and indexes into the first text as written', () => {
    expect(compareText('900101-1234568', '900101 1234568')).toEqual([]);
    expect(compareText('900101-1234568', '9001011234558')).toEqual([12]);
    expect(compareText('M70689098', 'm70689098')).toEqual([]);
  });
});

describe('compareBoxReads', () => {
  const read = (...texts: string[]) => texts.map((text) => ({ text, conf: 0.95 }));

  it('marks the group and the character the device read differently, and reads confusable letters as digits', () => {
    const nhn: CardResult = { kind: 'credit-card', result: credit(['4111', '1111', '1111', '1111']) };
    const fields = checkedFields(fieldsOf(nhn));
    expect(fields.map((f) => f.id)).toEqual(['cardNums.0', 'cardNums.1', 'cardNums.2', 'cardNums.3', 'validThru']);
    const compared = compareBoxReads(fields, read('4111', 'l1I1', '1181', '1111', '09/29'));
    expect(compared.map((f) => [f.fieldId, f.differing])).toEqual([
      ['cardNums.0', []],
      ['cardNums.1', []],
      ['cardNums.2', [2]],
      ['cardNums.3', []],
      ['validThru', []],
    ]);
  });

  it('leaves a field unread when the device made out nothing there, rather than calling it a disagreement', () => {
    const nhn: CardResult = { kind: 'credit-card', result: credit(['4111', '1111', '1111', '1111'], '09/29') };
    const fields = checkedFields(fieldsOf(nhn));
    const texts = [...read('4111', '1111', '1111', '1111'), { text: '0/2', conf: 0.3 }];
    const expiry = compareBoxReads(fields, texts).at(-1);
    expect(expiry).toMatchObject({ key: 'validThru', device: null, differing: [] });
    expect(compareBoxReads(fields, read('4111', '1111', '1111', '1111', '08/29')).at(-1)?.differing).toEqual([1]);
  });

  it('checks the ID digit fields only; dates that name the same day agree', () => {
    const nhn: CardResult = {
      kind: 'id-card',
      result: idCard([
        ['name', '홍길동'],
        ['residentNumber', '900101-1234568'],
        ['issueDate', '2019.03.04'],
      ]),
    };
    const fields = checkedFields(fieldsOf(nhn));
    expect(fields.map((f) => f.key)).toEqual(['residentNumber', 'issueDate']);
    const compared = compareBoxReads(fields, read('900101-1284568', '2019.3.4.'));
    expect(compared.map((f) => [f.key, f.differing])).toEqual([
      ['residentNumber', [9]],
      ['issueDate', []],
    ]);
  });
});

describe('the second read in the card view', () => {
  it('puts a failing rule, a badge and character marks on the box that differs, and counts it', () => {
    const outcome = {
      kind: 'credit-card' as const,
      result: credit(['4111', '1111', '1111', '1111']),
      timings: { prepareMs: 0, encryptMs: 0, requestMs: 0, decryptMs: 0, totalMs: 0 },
      keyVersion: '0',
    };
    const fields = compareBoxReads(
      checkedFields(fieldsOf(outcome)),
      ['4111', '1111', '1911', '1111', '09/29'].map((text) => ({ text, conf: 0.9 })),
    );
    const read: SecondRead = { status: 'read', fields };
    const plain = cardView(outcome);
    const checked = cardView(outcome, read);
    expect(hasDisagreement(read)).toBe(true);
    expect(plain.badges.get('cardNums.2')).toBeUndefined();
    expect(checked.badges.get('cardNums.2')).toBe('fail');
    expect(checked.charMarks.get('cardNums.2')).toEqual([1]);
    expect(checked.summary).toMatchObject({ disagrees: true, ruleFailures: plain.summary.ruleFailures + 1 });
    expect(checked.rules.find((r) => r.fieldId === 'cardNums.2' && r.rule === 'secondRead')?.charIndexes).toEqual([1]);
    expect(cardView(outcome, read)).toBe(checked); // one view per read
  });
});
