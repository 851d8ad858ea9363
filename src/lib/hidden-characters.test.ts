import { describe, expect, it } from 'vitest';
import { escapeHiddenInJson, hiddenName, visibleJson, withoutHidden } from './hidden-characters';

const OVERRIDES = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069];
const ZERO_WIDTH = [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

describe('hidden characters', () => {
  it.each([...OVERRIDES, ...ZERO_WIDTH].map((code) => [hiddenName(code), code]))(
    'takes %s out of a value and says where it sat',
    (_, code) => {
      const raw = `4111${String.fromCodePoint(code)}1111`;
      expect(withoutHidden(raw)).toEqual({ text: '41111111', hidden: [{ code, after: 4 }] });
    },
  );

  it('counts positions in characters, astral ones included, and keeps every other character', () => {
    expect(withoutHidden('\u202e홍길동\u{1f600}\u200b')).toEqual({
      text: '홍길동\u{1f600}',
      hidden: [
        { code: 0x202e, after: 0 },
        { code: 0x200b, after: 4 },
      ],
    });
    expect(withoutHidden('900101-1234568 ·  A/B')).toEqual({ text: '900101-1234568 ·  A/B', hidden: [] });
  });

  it('names a character by its code point and Unicode abbreviation', () => {
    expect(hiddenName(0x202e)).toBe('U+202E RLO');
    expect(hiddenName(0x2066)).toBe('U+2066 LRI');
    expect(hiddenName(0xe0001)).toBe('U+E0001');
  });

  it('escapes them in JSON, which parses back to the very same value', () => {
    const value = { name: '\u202eevil\u200b', tag: '\u{e0041}', plain: '홍길동' };
    const json = visibleJson(value);
    expect(json).not.toMatch(/\p{Cf}/u);
    expect(json).toContain('"name": "\\u202eevil\\u200b"');
    expect(json).toContain('"tag": "\\udb40\\udc41"');
    expect(json).toContain('"plain": "홍길동"');
    expect(JSON.parse(json)).toEqual(value);
    expect(escapeHiddenInJson('{"a":1}')).toBe('{"a":1}');
  });
});
