import { expect, it } from 'vitest';
import { bilingual } from '@/model/text/messages';
import { preSendOutcome } from './pre-send';

it('holds only a photo the device read and found no card-like text in, naming what it looked for', () => {
  const nothing = (cardLike: boolean | null) => ({ kind: 'nothing' as const, lookedFor: 'Looked for …', cardLike });
  expect(preSendOutcome(nothing(false), 'credit-card')).toEqual({ hold: bilingual('heldNoCardTextCredit') });
  expect(preSendOutcome(nothing(false), 'id-card-stand-alone')).toEqual({ hold: bilingual('heldNoCardTextId') });
  // Digits were there, though the parser made no card of them: the service may, so it is sent.
  expect(preSendOutcome(nothing(true), 'credit-card')).toBeNull();
  expect(preSendOutcome({ kind: 'read', result: {} as never }, 'id-card')).toBeNull();
});

it('sends with a caution when the device could not tell: no reader, or an image it could not decode', () => {
  const unavailable = preSendOutcome({ kind: 'unavailable', why: 'no WebAssembly' }, 'credit-card');
  expect(unavailable).toEqual({
    caution: { en: expect.stringContaining('(no WebAssembly)'), ko: expect.stringContaining('(no WebAssembly)') },
  });
  const undecoded = preSendOutcome({ kind: 'nothing', lookedFor: 'could not be decoded', cardLike: null }, 'id-card');
  expect(undecoded && 'caution' in undecoded).toBe(true);
});

it('keeps the photo’s predicted quality with every verdict, and never holds a card for it', () => {
  const blurred = { kind: 'checked' as const, hints: ['blurred' as const], sharpness: 40, glare: 0 };
  expect(preSendOutcome({ kind: 'read', result: {} as never }, 'credit-card', blurred)).toEqual({ quality: blurred });
  const nothing = { kind: 'nothing' as const, lookedFor: 'Looked for …', cardLike: false };
  expect(preSendOutcome(nothing, 'credit-card', blurred)).toEqual({
    hold: bilingual('heldNoCardTextCredit'),
    quality: blurred,
  });
  const notChecked = { kind: 'not-checked' as const, why: 'undecoded' as const };
  const unavailable = preSendOutcome({ kind: 'unavailable', why: 'no WebAssembly' }, 'id-card', notChecked);
  expect(unavailable).toMatchObject({ caution: expect.anything() as unknown, quality: notChecked });
  expect(unavailable && 'hold' in unavailable).toBe(false);
});
