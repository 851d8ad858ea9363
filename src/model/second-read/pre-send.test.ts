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
