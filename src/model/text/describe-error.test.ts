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

  it("blames a server in between for a proxy's 413, with the file's size, and cites no limit the file meets", () => {
    const d = describeError(
      new OcrError('too-large-for-proxy', 'x', { status: 413, uploadBytes: Math.round(9.9 * 1024 * 1024) }),
    );
    expect(d.title.en).toBe('A server between this page and NHN refused the upload as too large: the file is 9.9 MB.');
    expect(d.hint?.en).toContain('client_max_body_size');
    expect(d.title.ko).toContain('9.9MB');
    expect(d.hint?.ko).toContain('client_max_body_size');
    for (const text of [d.title.en, d.hint?.en, d.title.ko, d.hint?.ko]) expect(text).not.toMatch(/20 ?MB|[Ss]hrink/);
    expect(d.connectionProblem).toBe(false);
  });

  it('says a refused public key was refused, in both languages, with the bounds, as a connection problem', () => {
    const d = describeError(new OcrError('unusable-public-key', 'RSA modulus is 8192 bits, not 1024 to 4096'));
    expect(d.title.en).toBe('The service’s public key was refused, so nothing was sent.');
    expect(d.title.ko).toMatch(/공개 키/);
    expect(d.hint?.en).toMatch(/1024 to 4096 bits/);
    expect(d.hint?.ko).toMatch(/1024~4096비트/);
    expect(d.detail).toMatch(/8192 bits/);
    expect(d.connectionProblem).toBe(true);
  });
});
