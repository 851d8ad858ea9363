import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult, ImageQuad } from '@/api';
import { cardView } from '@/model/card-view/card-view';
import { fieldsOf, type CardResult } from '@/model/fields/result-fields';
import {
  checkedFields,
  compareBoxReads,
  compareHangul,
  compareText,
  differingPositions,
  hangulBoxes,
  MAX_CHECKED_FIELDS,
} from './compare-reads';
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

  it('checks the ID digit fields and the Hangul ones, not an address; dates that name the same day agree', () => {
    const nhn: CardResult = {
      kind: 'id-card',
      result: idCard([
        ['name', '홍길동'],
        ['residentNumber', '900101-1234568'],
        ['address', '서울특별시 종로구 세종대로 209'],
        ['issueDate', '2019.03.04'],
      ]),
    };
    const fields = checkedFields(fieldsOf(nhn));
    expect(fields.map((f) => f.key)).toEqual(['name', 'residentNumber', 'issueDate']);
    expect(hangulBoxes(fields)).toEqual([true, false, false]);
    const compared = compareBoxReads(fields, read('홍길동', '900101-1284568', '2019.3.4.'));
    expect(compared.map((f) => [f.key, f.differing])).toEqual([
      ['name', []],
      ['residentNumber', [9]],
      ['issueDate', []],
    ]);
  });
});

describe('compareHangul', () => {
  it('compares syllable by syllable, naming the syllables of NHN’s text the device read otherwise', () => {
    expect(compareHangul('홍길동', '홍길동')).toEqual([]);
    expect(compareHangul('홍글동', '홍길동')).toEqual([1]);
    expect(compareHangul('김견본', '김본')).toEqual([1]);
    expect(compareHangul('서울특별시 종로구청장', '서울특별시 중로구청장')).toEqual([6]);
  });

  it('takes a syllable typed as letters, or spaced otherwise, as the same syllable', () => {
    const letters = '홍길동'.normalize('NFD');
    expect([...letters]).toHaveLength(9);
    expect(compareHangul(letters, '홍길동')).toEqual([]);
    expect(compareHangul('홍길동', letters)).toEqual([]);
    expect(compareHangul('서울특별시종로구청장', '서울특별시  종로구 청장')).toEqual([]);
    // A differing syllable typed as letters is marked where its first letter stands in NHN's text.
    expect(compareHangul('홍글동'.normalize('NFD'), '홍길동')).toEqual([3]);
  });

  it('finds exactly the substituted syllable for any one-syllable change', () => {
    const syllable = fc.integer({ min: 0xac00, max: 0xd7a3 }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.array(syllable, { minLength: 2, maxLength: 12 }), fc.nat(), syllable, (chars, at, other) => {
        const i = at % chars.length;
        fc.pre(other !== chars[i]);
        const changed = chars.with(i, other);
        expect(compareHangul(changed.join(''), chars.join(''))).toEqual([i]);
      }),
    );
  });
});

describe('compareBoxReads on Hangul fields', () => {
  const driver = (name: string, issuer: string, licenseType: string): CardResult => ({
    kind: 'id-card',
    result: {
      ...idCard([
        ['licenseType', licenseType],
        ['name', name],
        ['issuer', issuer],
      ]),
      idType: 'driver',
    },
  });
  const compare = (nhn: CardResult, ...texts: [string, number][]) =>
    compareBoxReads(
      checkedFields(fieldsOf(nhn)),
      texts.map(([text, conf]) => ({ text, conf })),
    ).map((f) => [f.key, f.device, f.differing]);

  it('flags a name NHN answered one syllable off, with what the device read', () => {
    const nhn = driver('김견븐', '서울특별시경찰청장', '1종보통');
    expect(compare(nhn, ['1종 보통', 0.9], ['김견본', 0.93], ['서울특별시경찰청장', 0.92])).toEqual([
      ['licenseType', '1종 보통', []],
      ['name', '김견본', [2]],
      ['issuer', '서울특별시경찰청장', []],
    ]);
  });

  it('flags an issuer NHN answered one syllable off, though it is nearest the entry the device read', () => {
    const nhn = driver('김견본', '서울특별시 중로구청장', '1종보통');
    expect(compare(nhn, ['1종 보통', 0.9], ['김견본', 0.9], ['서울특별시 종로구청장', 0.9])[2]).toEqual([
      'issuer',
      '서울특별시 종로구청장',
      [6],
    ]);
  });

  it('compares issuers and licence classes with the device’s read snapped to its set', () => {
    const nhn = driver('김견본', '서울특별시 경찰청장', '1종보통');
    // The device's misread syllable snaps back; NHN's spacing is no difference.
    expect(compare(nhn, ['1종 보톰', 0.9], ['김견본', 0.9], ['서울특별시경찰칭장', 0.9])).toEqual([
      ['licenseType', '1종 보통', []],
      ['name', '김견본', []],
      ['issuer', '서울특별시경찰청장', []],
    ]);
    // A different entry differs, syllable by syllable.
    expect(compare(nhn, ['2종 보통', 0.9], ['김견본', 0.9], ['부산광역시경찰청장', 0.9])).toEqual([
      ['licenseType', '2종 보통', [0]],
      ['name', '김견본', []],
      ['issuer', '부산광역시경찰청장', [0, 1, 2, 3]],
    ]);
  });

  it('flags a name NHN wrote with no Hangul at all, rather than finding nothing to compare', () => {
    expect(
      compare(driver('HONG GILDONG', '서울특별시경찰청장', '1종보통'), ['1종 보통', 0.9], ['홍길동', 0.93])[1],
    ).toEqual(['name', '홍길동', [0]]);
    expect(compareHangul('', '홍길동')).toEqual([0]);
    expect(compareHangul('', '')).toEqual([]);
  });

  it('leaves a licence class unchecked when the device only inferred or guessed its digit', () => {
    const nhn = driver('김견본', '서울특별시경찰청장', '2종보통');
    // 총 for 1종 or 2종: the kind is read, the digit is not.
    expect(compare(nhn, ['총 보통', 0.9])[0]).toEqual(['licenseType', null, []]);
    expect(compare(nhn, ['2종 보통', 0.9])[0]).toEqual(['licenseType', '2종 보통', []]);
  });

  it('sends the reader one box for each Hangul field, and no more boxes than a card has fields', () => {
    const names = Array.from({ length: 5 }, () => ['name', '홍길동'] as [string, string]);
    const many = Array.from({ length: 300 }, (_, i) => ['issueDate', `2019.03.${(i % 28) + 1}`] as [string, string]);
    const fields = checkedFields(fieldsOf({ kind: 'id-card', result: idCard([...names, ...many]) }));
    expect(fields.filter((f) => f.key === 'name')).toHaveLength(1);
    expect(fields).toHaveLength(MAX_CHECKED_FIELDS);
  });

  it('leaves a field unchecked, never agreeing, when the device cannot make it out surely', () => {
    const nhn = driver('김견본', '서울특별시경찰청장', '1종보통');
    expect(compare(nhn, ['', 0], ['김견본', 0.6], ['콩나물국밥', 0.9])).toEqual([
      ['licenseType', null, []],
      ['name', null, []], // below the confidence at which a name is marked "check this name"
      ['issuer', null, []], // no issuer's name: nothing to compare
    ]);
    expect(compare(nhn, ['1종 보통', 0.9])[1]).toEqual(['name', null, []]); // no text at all for the box
  });

  it('leaves unchecked a field the device read as two different texts, though the surer one is an entry of its set', () => {
    const nhn = driver('김견본', '서울특별시경찰청장', '1종보통');
    const fields = checkedFields(fieldsOf(nhn));
    const disputed = { conf: 0.75, disputed: true };
    expect(
      compareBoxReads(fields, [
        { text: '2종 보통', ...disputed },
        { text: '김견본', conf: 0.93 },
        { text: '부산광역시경찰청장', ...disputed },
      ]).map((f) => [f.key, f.device, f.differing]),
    ).toEqual([
      ['licenseType', null, []],
      ['name', '김견본', []],
      ['issuer', null, []],
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
    const rule = checked.rules.find((r) => r.fieldId === 'cardNums.2' && r.rule === 'secondRead');
    expect(rule).toMatchObject({ charIndexes: [1], seen: '1911' }); // what the device saw, for the reviewer
    expect(checked.deviceReads).toEqual(new Map([['cardNums.2', '1911']]));
    expect(plain.deviceReads.size).toBe(0);
    expect(cardView(outcome, read)).toBe(checked); // one view per read
  });
});
