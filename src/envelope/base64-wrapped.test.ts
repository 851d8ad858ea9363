import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '@/envelope';

// A Base64 value wrapped MIME style (76 characters a line, CRLF or LF), as some encoders write it, decodes; the
// alphabet and the padding stay strict.
const wrap = (text: string, eol: string) => text.match(/.{1,76}/g)!.join(eol);

describe('Base64 wrapped in lines', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('decodes a value wrapped at 76 characters with %s', (_, eol) => {
    const bytes = new Uint8Array(randomBytes(300));
    const wrapped = wrap(Buffer.from(bytes).toString('base64'), eol) + eol;
    expect(wrapped.split(eol).length).toBeGreaterThan(4);
    expect(base64ToBytes(wrapped)).toEqual(bytes);
  });

  it('decodes any bytes with ASCII whitespace anywhere', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 500 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(' ', '\t', '\n', '\r', '\f'))),
        (bytes, spaces) => {
          let text = Buffer.from(bytes).toString('base64');
          for (const [at, space] of spaces) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + space + text.slice(i);
          }
          expect(base64ToBytes(text)).toEqual(bytes);
        },
      ),
    );
  });

  it.each(['YW\nJ', 'YQ\r\n', 'ab-_\n', 'YWJj\u00a0', 'YWJj\v', 'Y\nW=J'])('still rejects non-standard %j', (text) => {
    expect(() => base64ToBytes(text)).toThrow(/not standard Base64/);
  });
});
