import { describe, expect, it } from 'vitest';
import { OcrError } from '@/api';
import { describeError } from './describe-error';

describe('describeError', () => {
  it('gives the table’s hint for a bare result code', () => {
    const d = describeError(
      new OcrError('api', 'x', { resultCode: 4000111, resultMessage: 'CREDIT_CARD_INFO_NOT_FOUND' }),
    );
    expect(d.title.en).toBe('No credit card was recognised in the image.');
    expect(d.hint?.en).toMatch(/clear, well-lit/);
  });

  it('says what the service looked for when it says more than the table, instead of blaming the photo', () => {
    const message =
      'No credit card was recognised in the image. Read on this device. Looked for a card number of 15–16 digits.';
    const d = describeError(new OcrError('api', 'x', { resultCode: 4000111, resultMessage: message }));
    expect(d.hint?.en).toBe('Read on this device. Looked for a card number of 15–16 digits.');
    expect(d.hint?.en).not.toMatch(/well-lit/);
  });
});
