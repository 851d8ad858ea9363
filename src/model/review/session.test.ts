import { describe, expect, it } from 'vitest';
import type { CreditCardResult, IdCardResult } from '@/api';
import { sample } from '@/test-support/sandbox-fixture';
import * as session from './session';
import { buildSession, importedOutcome, parseSession, requireReviewedImages } from './session';

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
  fields: { 'cardNums.3': { verdict: 'wrong-value' as const, key: 'cardNum', conf: 0.72, correction: '1112', at: 5 } },
};

/** A session as the app exports it, from cards named as on screen. */
const build = (cards: Omit<Parameters<typeof buildSession>[0][number], 'name' | 'bytes'>[], redacted: boolean) =>
  buildSession(
    cards.map((c) => ({ ...c, name: `image-${c.sha256.slice(0, 12)}`, bytes: 1000 })),
    redacted,
  );

/** Parses a session and checks it against the hashes of the images read with it. */
function check(text: string, imageHashes: string[]) {
  const parsed = parseSession(text);
  requireReviewedImages(parsed, new Set(imageHashes));
  return parsed;
}

/** A session as exported, then changed by hand the way a crafted file would be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a crafted file is any shape at all
function crafted(change: (card: Record<string, any>) => void, images: string[] = [sha256]): () => unknown {
  const json = JSON.parse(build([{ file: 'credit-card.png', sha256, outcome, review }], false));
  change(json.cards[0]);
  return () => check(JSON.stringify(json), images);
}

describe('sessions', () => {
  it('round-trip results and verdicts', () => {
    const parsed = check(build([{ file: 'credit-card.png', sha256, outcome, review }], false), [sha256]);
    expect(parsed.cards[0]).toMatchObject({ file: 'credit-card.png', sha256, analysis: 'credit-card', review });
    expect(importedOutcome(parsed.cards[0])).toMatchObject({
      kind: 'credit-card',
      result: outcome.result,
      keyVersion: 'imported',
    });
  });

  it('drop a claim in a result of who made it: the session was not made by this connection', () => {
    const parsed = crafted((card) => (card.result.cardlensReader = 'on-device'))() as ReturnType<typeof check>;
    expect(parsed.cards[0].result).not.toHaveProperty('cardlensReader');
    expect(importedOutcome(parsed.cards[0]).result).not.toHaveProperty('cardlensReader');
  });

  it('leave out full numbers, corrections and file names when redacted', () => {
    const text = build([{ file: '김철수 카드.png', sha256, outcome, review }], true);
    expect(text).not.toContain('4111111111111111');
    expect(text).not.toContain('1112');
    expect(text).not.toContain('김철수');
    const card = check(text, [sha256]).cards[0];
    expect(card).toMatchObject({ file: `image-${sha256.slice(0, 12)}`, bytes: 1000 });
    expect(card.review?.fields['cardNums.3'].verdict).toBe('wrong-value');
    expect(JSON.parse(build([{ file: '김철수 카드.png', sha256, outcome }], false)).cards[0].file).toBe(
      '김철수 카드.png',
    );
  });

  it('write hidden characters in a value as escapes, and read them back unchanged', () => {
    const result = structuredClone(outcome.result);
    result.cardNums[0].value = '\u202e4111';
    const text = build([{ file: 'a\u202egnp.png', sha256, outcome: { ...outcome, result } }], false);
    expect(text).not.toMatch(/\p{Cf}/u);
    expect(text).toContain('"\\u202e4111"');
    expect(check(text, []).cards[0]).toMatchObject({ file: 'a\u202egnp.png' });
    const imported = importedOutcome(check(text, []).cards[0]);
    expect(imported.kind === 'credit-card' && imported.result.cardNums[0].value).toBe('\u202e4111');
  });

  it("read an older session's review with its file name, and drop the name", () => {
    const json = JSON.parse(build([{ file: 'credit-card.png', sha256, outcome, review }], false));
    json.cards[0].review.file = 'credit-card.png';
    delete json.cards[0].bytes;
    const card = check(JSON.stringify(json), [sha256]).cards[0];
    expect(card.review).toEqual(review);
    expect(card.bytes).toBeUndefined();
  });

  it('refuse a size that is no image the service takes', () => {
    for (const bytes of [0, 1.5, -1, 20 * 1024 * 1024 + 1, '1000'])
      expect(
        crafted((c) => {
          c.bytes = bytes;
        }),
      ).toThrow('card 1 (credit-card.png): bytes is missing or not valid');
  });

  it('take an ID card result, and a card with neither review nor image, which is simply not imported', () => {
    const id = { ...outcome, kind: 'id-card' as const, result: driver.result as IdCardResult };
    const text = build(
      [
        { file: 'id-driver.png', sha256: driver.sha256, outcome: id as never },
        { file: 'credit-card-angled.png', sha256: otherSha, outcome },
      ],
      true,
    );
    const parsed = check(text, [driver.sha256]);
    expect(parsed.cards.map((c) => c.analysis)).toEqual(['id-card', 'credit-card']);
    expect(importedOutcome(parsed.cards[0])).toMatchObject({ kind: 'id-card', requestKey: null });
  });

  it('refuse what is not a session', () => {
    expect(() => check('{"kind":"other"}', [])).toThrow('not a Cardlens session');
    expect(() => check('nope', [])).toThrow('not JSON');
    expect(() => check('{"kind":"cardlens-session","version":1,"redacted":false,"cards":{}}', [])).toThrow(
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
    const text = build([{ file: 'credit-card.png', sha256, outcome }], false);
    expect(() => check(text.replace('"result": {', `"result": { "extra": ${deep},`), [sha256])).toThrow(
      /^card 1 \(credit-card\.png\): result\.extra(\[0\])+ is nested too deeply$/,
    );
    const big = build([{ file: 'credit-card.png', sha256, outcome }], false).replace(
      '"version": 1,',
      `"version": 1, "padding": "${'x'.repeat(session.MAX_SESSION_BYTES)}",`,
    );
    expect(() => check(big, [sha256])).toThrow('the session file is over 10 MB');
  });

  it('when a key could reach a prototype', () => {
    const text = build([{ file: 'credit-card.png', sha256, outcome, review }], false);
    const withKey = (where: string, key: string) =>
      text.replace(where, `${where} "${key}": { "polluted": true, "verdict": "correct" },`);
    expect(() => check(withKey('"fields": {', '__proto__'), [sha256])).toThrow(
      'card 1 (credit-card.png): review.fields.__proto__ is a key that is not allowed',
    );
    expect(() => check(withKey('"result": {', 'constructor'), [sha256])).toThrow(
      'card 1 (credit-card.png): result.constructor is a key that is not allowed',
    );
    expect(() => check(text.replace('{', '{ "__proto__": { "polluted": true },'), [sha256])).toThrow(
      'the file: __proto__ is a key that is not allowed',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('when two cards name the same image (an export writes it once; this file was made elsewhere)', () => {
    const session = JSON.parse(build([{ file: 'credit-card.png', sha256, outcome, review }], false)) as {
      cards: { file: string }[];
    };
    session.cards.push({ ...session.cards[0], file: 'copy.png' });
    expect(() => check(JSON.stringify(session), [sha256])).toThrow('card 2 (copy.png): the same image as card 1');
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
