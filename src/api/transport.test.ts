import { describe, expect, it } from 'vitest';
import { apiError } from './transport';

describe('apiError', () => {
  it('keeps a result key that names a constant, and the documented one for a known code', () => {
    expect(apiError(4000111, 'x', 200, 'CREDIT_CARD_INFO_NOT_FOUND').resultKey).toBe('CREDIT_CARD_INFO_NOT_FOUND');
    expect(apiError(4999999, 'x', 200, 'NEW_KIND_OF_FAILURE').resultKey).toBe('NEW_KIND_OF_FAILURE');
  });

  it('drops a result key that is no constant’s name, however long, and says the code instead', () => {
    const error = apiError(4999999, 'x', 200, 'A'.repeat(100_000));
    expect(error.resultKey).toBe('UNKNOWN_4999999');
    expect(error.message.length).toBeLessThan(200);
    expect(apiError(4999999, 'x', 200, 'rm -rf <b>').resultKey).toBe('UNKNOWN_4999999');
  });

  it('takes out of the service’s message the characters that would hide or reorder text on screen', () => {
    const error = apiError(4000111, 'Card \u202E4321\u202C not found\u200B.', 200);
    expect(error.resultMessage).toBe('Card 4321 not found.');
  });
});
