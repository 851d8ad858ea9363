import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import * as session from './session';
import { buildSession, importedOutcome, parseSession } from './session';

const outcome = {
  kind: 'credit-card' as const,
  result: sample('credit-card.png').result as CreditCardResult,
  timings: { prepareMs: 1, encryptMs: 1, requestMs: 1, decryptMs: 1, totalMs: 4 },
  keyVersion: '0',
};
const sha256 = sample('credit-card.png').sha256;
const otherSha = sample('credit-card-angled.png').sha256;
const driver = sample('id-driver.png');
const review = {
  sha256,
  file: 'credit-card.png',
  fields: { 'cardNums.3': { verdict: 'wrong-value' as const, key: 'cardNum', conf: 0.72, correction: '1112', at: 5 } },
};

/** A session as exported, then changed by hand the way a crafted file would be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a crafted file is any shape at all
function crafted(change: (card: Record<string, any>) => void, images: string[] = [sha256]): () => unknown {
  const json = JSON.parse(buildSession([{ file: 'credit-card.png', sha256, outcome, review }], false));
  change(json.cards[0]);
  return () => parseSession(JSON.stringify(json), images);
}

describe('sessions', () => {
  it('round-trip results and verdicts', () => {
    const parsed = parseSession(buildSession([{ file: 'credit-card.png', sha256, outcome, review }], false), [sha256]);
    expect(parsed.cards[0]).toMatchObject({ file: 'credit-card.png', sha256, analysis: 'credit-card', review });
    expect(importedOutcome(parsed.cards[0])).toMatchObject({
      kind: 'credit-card',
      result: outcome.result,
      keyVersion: 'imported',
    });
  });

  it('drop a claim in a result of who made it: the session was not made by this connection', () => {
    const parsed = crafted((card) => (card.result.cardlensReader = 'on-device'))() as ReturnType<typeof parseSession>;
    expect(parsed.cards[0].result).not.toHaveProperty('cardlensReader');
    expect(importedOutcome(parsed.cards[0]).result).not.toHaveProperty('cardlensReader');
  });

  it('leave out full numbers and corrections when redacted', () => {
    const text = buildSession([{ file: 'credit-card.png', sha256, outcome, review }], true);
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('1112');
    expect(parseSession(text, [sha256]).cards[0].review?.fields['cardNums.3'].verdict).toBe('wrong-value');
  });

  it('take an ID card result, and a card with neither review nor image, which is simply not imported', () => {
    const id = { ...outcome, kind: 'id-card' as const, result: driver.result as IdCardResult };
    const text = buildSession(
      [
        { file: 'id-driver.png', sha256: driver.sha256, outcome: id as never },
        { file: 'credit-card-angled.png', sha256: otherSha, outcome },
      ],
      true,
    );
    const parsed = parseSession(text, [driver.sha256]);
    expect(parsed.cards.map((c) => c.analysis)).toEqual(['id-card', 'credit-card']);
    expect(importedOutcome(parsed.cards[0])).toMatchObject({ kind: 'id-card', requestKey: null });
  });

  it('refuse what is not a session', () => {
    expect(() => parseSession('{"kind":"other"}', [])).toThrow('not a Cardlens session');
    expect(() => parseSession('nope', [])).toThrow('not JSON');
    expect(() => parseSession('{"kind":"cardlens-session","version":1,"redacted":false,"cards":{}}', [])).toThrow(
      /not a Cardlens session \(cards is missing or not valid\)/,
    );
  });
});

describe('a crafted session is refused whole, naming the card and the field', () => {
  it('when a value has the wrong type', () => {
    expect(
      crafted((c) => {
        c.result.cardNums[0].conf = '0.99';
      }),
    ).toThrow('card 1 (credit-card.png): result.cardNums[0].conf is missing or not valid');
    expect(
      crafted((c) => {
        c.result.cardNumBoxes[1].x3 = null;
      }),
    ).toThrow('card 1 (credit-card.png): result.cardNumBoxes[1].x3 is missing or not valid');
    expect(
      crafted((c) => {
        c.analysis = 'id-card'; // a credit card's result under the ID card's name
      }),
    ).toThrow('card 1 (credit-card.png): result.idType is missing or not valid');
    expect(
      crafted((c) => {
        c.sha256 = 'not a hash';
      }),
    ).toThrow('card 1 (credit-card.png): sha256 is missing or not valid');
    expect(
      crafted((c) => {
        c.review.fields['cardNums.3'].verdict = 'maybe';
      }),
    ).toThrow('card 1 (credit-card.png): review.fields["cardNums.3"].verdict is missing or not valid');
    expect(
      crafted((c) => {
        c.review.fields['cardNums.3'].at = '5';
      }),
    ).toThrow('card 1 (credit-card.png): review.fields["cardNums.3"].at is missing or not valid');
  });

  it('when a review belongs to no image chosen with it, or to another image than its card', () => {
    expect(crafted(() => undefined, [otherSha])).toThrow(
      'card 1 (credit-card.png): its review is for an image not chosen with this session',
    );
    expect(crafted(() => undefined, [])).toThrow('its review is for an image not chosen with this session');
    expect(
      crafted(
        (c) => {
          c.review.sha256 = otherSha; // writes a verdict under another card's hash
        },
        [sha256, otherSha],
      ),
    ).toThrow("card 1 (credit-card.png): review.sha256 names another image than the card's");
  });

  it('when a review or its fields are not objects', () => {
    expect(
      crafted((c) => {
        c.review.fields['cardNums.3'] = null;
      }),
    ).toThrow('card 1 (credit-card.png): review.fields["cardNums.3"] is missing or not valid');
    expect(
      crafted((c) => {
        c.review.fields['cardNums.3'] = 'correct';
      }),
    ).toThrow('card 1 (credit-card.png): review.fields["cardNums.3"] is missing or not valid');
    expect(
      crafted((c) => {
        c.review.fields = 'all correct';
      }),
    ).toThrow('card 1 (credit-card.png): review.fields is missing or not valid');
    expect(
      crafted((c) => {
        delete c.review.fields;
      }),
    ).toThrow('card 1 (credit-card.png): review.fields is missing or not valid');
    expect(
      crafted((c) => {
        c.review = 'accepted';
      }),
    ).toThrow('card 1 (credit-card.png): review is missing or not valid');
    expect(
      crafted((c) => {
        c.review.card = 5;
      }),
    ).toThrow('card 1 (credit-card.png): review.card is missing or not valid');
    expect(
      crafted((c) => {
        c.result = 'ok';
      }),
    ).toThrow('card 1 (credit-card.png): result is missing or not valid');
    expect(
      crafted((c) => {
        c.result = [];
      }),
    ).toThrow('card 1 (credit-card.png): result.fileType is missing or not valid');
  });

  it('when a string, a key or the file is huge, or nesting is deep', () => {
    const huge = 'A'.repeat(100_000);
    expect(
      crafted((c) => {
        c.review.fields['cardNums.3'].correction = huge;
      }),
    ).toThrow('card 1 (credit-card.png): review.fields["cardNums.3"].correction is longer than 4096 characters');
    expect(
      crafted((c) => {
        c.result.cardNums[0].value = huge;
      }),
    ).toThrow('card 1 (credit-card.png): result.cardNums[0].value is longer than 4096 characters');
    expect(
      crafted((c) => {
        c.review.fields[huge] = c.review.fields['cardNums.3'];
      }),
    ).toThrow(/card 1 \(credit-card\.png\): review\.fields\["AAAA.*…"\] is longer than 4096 characters/);
    expect(
      crafted((c) => {
        c.file = 'B'.repeat(1000);
      }),
    ).toThrow(/card 1 \(B{40}…\): file is longer than 255 characters/);
    expect(
      crafted((c) => {
        c.review.fields['cardNums.3'].key = 'k'.repeat(500);
      }),
    ).toThrow('card 1 (credit-card.png): review.fields["cardNums.3"].key is longer than 200 characters');
    const deep = '['.repeat(100_000) + ']'.repeat(100_000); // JSON.parse takes it; a recursive walk would not
    const text = buildSession([{ file: 'credit-card.png', sha256, outcome }], false);
    expect(() => parseSession(text.replace('"result": {', `"result": { "extra": ${deep},`), [sha256])).toThrow(
      /^card 1 \(credit-card\.png\): result\.extra(\[0\])+ is nested too deeply$/,
    );
    const big = buildSession([{ file: 'credit-card.png', sha256, outcome }], false).replace(
      '"version": 1,',
      `"version": 1, "padding": "${'x'.repeat(session.MAX_SESSION_BYTES)}",`,
    );
    expect(() => parseSession(big, [sha256])).toThrow('the session file is over 10 MB');
  });

  it('when a key could reach a prototype', () => {
    const text = buildSession([{ file: 'credit-card.png', sha256, outcome, review }], false);
    const withKey = (where: string, key: string) =>
      text.replace(where, `${where} "${key}": { "polluted": true, "verdict": "correct" },`);
    expect(() => parseSession(withKey('"fields": {', '__proto__'), [sha256])).toThrow(
      'card 1 (credit-card.png): review.fields.__proto__ is a key that is not allowed',
    );
    expect(() => parseSession(withKey('"result": {', 'constructor'), [sha256])).toThrow(
      'card 1 (credit-card.png): result.constructor is a key that is not allowed',
    );
    expect(() => parseSession(text.replace('{', '{ "__proto__": { "polluted": true },'), [sha256])).toThrow(
      'the file: __proto__ is a key that is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when two cards name the same image', () => {
    const text = buildSession(
      [
        { file: 'credit-card.png', sha256, outcome },
        { file: 'copy.png', sha256, outcome, review },
      ],
      false,
    );
    expect(() => parseSession(text, [sha256])).toThrow('card 2 (copy.png): the same image as card 1');
  });

  it('say so in Korean too', () => {
    try {
      crafted((c) => {
        c.review.fields['cardNums.3'] = null;
      })();
      expect.unreachable();
    } catch (error) {
      expect(session.describeRefusal((error as InstanceType<typeof session.SessionRefused>).refusal, 'ko')).toBe(
        '카드 1(credit-card.png): review.fields["cardNums.3"] 항목이 없거나 올바르지 않습니다',
      );
    }
  });
});
