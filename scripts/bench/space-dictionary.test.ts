import { describe, expect, it } from 'vitest';
import { dictionaryFile, withSpaceEntry } from './space-dictionary';

describe('withSpaceEntry', () => {
  it('adds the space as the last entry, after every line of the list', () => {
    expect(withSpaceEntry('a\nb\n0')).toEqual(['a', 'b', '0', ' ']);
  });

  it('does not count a final line break as an entry, and reads CRLF lists alike', () => {
    expect(withSpaceEntry('a\nb\n')).toEqual(['a', 'b', ' ']);
    expect(withSpaceEntry('a\r\nb\r\n')).toEqual(['a', 'b', ' ']);
  });

  it('refuses an empty list and one that has its space already', () => {
    expect(() => withSpaceEntry('')).toThrow(/empty/);
    expect(() => withSpaceEntry('a\n ')).toThrow(/already/);
  });
});

describe('dictionaryFile', () => {
  it('splits back into exactly its entries, the space included', () => {
    const entries = withSpaceEntry('x\ny\n');
    const file = dictionaryFile(entries);
    expect(file.endsWith('\n')).toBe(false);
    expect(file.split(/\r?\n/)).toEqual(entries);
  });
});
