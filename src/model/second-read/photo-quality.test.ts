import { expect, it } from 'vitest';
import { qualityMessage, resolutionAgreement, type PhotoQuality, type QualityHint } from './photo-quality';

const checked = (...hints: QualityHint[]): PhotoQuality => ({ kind: 'checked', hints, sharpness: 500, glare: 0 });
const answered = (resolution: string) => ({ result: { resolution } });
const byService = (quality: PhotoQuality | undefined, resolution: string) => ({
  quality,
  outcome: answered(resolution),
  answeredBy: 'service',
});

it('counts the answered cards whose resolution was predicted right', () => {
  const cards = [
    byService(checked(), 'normal'), // right
    byService(checked('lowResolution'), 'low'), // right
    byService(checked('blurred'), 'normal'), // right: blurred says nothing of the size
    byService(checked('lowResolution'), 'normal'), // wrong
    byService(checked(), 'low'), // wrong
    // Not counted: not answered yet, not checked, checked but not decoded, an answer with no resolution known.
    { quality: checked('lowResolution'), answeredBy: 'service' },
    byService(undefined, 'low'),
    byService({ kind: 'not-checked', why: 'undecoded' }, 'low'),
    byService(checked(), ''),
    // Nor an answer the service did not give: a specimen's, or one read on this device, by the same rule.
    { quality: checked('lowResolution'), outcome: answered('low'), answeredBy: 'device' },
    { quality: checked(), outcome: answered('normal'), answeredBy: 'specimen' },
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
