import { expect, it } from 'vitest';
import { qualityMessage, resolutionAgreement, type PhotoQuality, type QualityHint } from './photo-quality';

const checked = (...hints: QualityHint[]): PhotoQuality => ({ kind: 'checked', hints, sharpness: 500, glare: 0 });
const answered = (resolution: string) => ({ result: { resolution } });

it('counts the answered cards whose resolution was predicted right', () => {
  const cards = [
    { quality: checked(), outcome: answered('normal') }, // right
    { quality: checked('lowResolution'), outcome: answered('low') }, // right
    { quality: checked('blurred'), outcome: answered('normal') }, // right: blurred says nothing of the size
    { quality: checked('lowResolution'), outcome: answered('normal') }, // wrong
    { quality: checked(), outcome: answered('low') }, // wrong
    // Not counted: not answered yet, not checked, checked but not decoded, an answer with no resolution known.
    { quality: checked('lowResolution') },
    { outcome: answered('low') },
    { quality: { kind: 'not-checked', why: 'undecoded' } as const, outcome: answered('low') },
    { quality: checked(), outcome: answered('') },
  ];
  expect(resolutionAgreement(cards)).toEqual({ answered: 5, agreed: 3 });
  expect(resolutionAgreement([])).toEqual({ answered: 0, agreed: 0 });
});

it('says what was seen, that a photo it could not decode was not checked, and nothing of a fine one', () => {
  expect(qualityMessage(checked('blurred', 'glare'))).toEqual({
    key: 'qualityCaution',
    hints: ['qualityBlurred', 'qualityGlare'],
  });
  expect(qualityMessage({ kind: 'not-checked', why: 'undecoded' })).toEqual({
    key: 'qualityNotChecked',
    why: 'qualityUndecoded',
  });
  expect(qualityMessage({ kind: 'not-checked', why: 'unavailable' })).toEqual({
    key: 'qualityNotChecked',
    why: 'qualityUnavailable',
  });
  expect(qualityMessage(checked())).toBeNull();
});
